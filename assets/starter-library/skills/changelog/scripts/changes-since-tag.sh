#!/bin/sh
# Prints the latest tag and the commits since it (hash, subject, author), oldest first.
# Usage: sh changes-since-tag.sh [repository-path]. Read-only: it never changes the repository.
set -eu
repo="${1:-.}"
cd "$repo"
if tag=$(git describe --tags --abbrev=0 2>/dev/null); then
  echo "Since $tag:"
  range="$tag..HEAD"
else
  echo "No tag yet; all commits:"
  range="HEAD"
fi
git log --reverse --no-merges --format='%h %s (%an)' "$range"
