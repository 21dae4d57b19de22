import type { z } from 'zod';

/** A request/response channel: a zod schema for the request, a phantom type for the response. */
export interface ChannelDef<Req extends z.ZodType, Res> {
  readonly request: Req;
  /** Never read at run time; carries the response type. */
  readonly response?: Res;
  /** Whether the channel changes data (mutations are rate-limited more strictly). */
  readonly mutates: boolean;
}

export function channel<Res>() {
  return <Req extends z.ZodType>(request: Req, opts: { mutates?: boolean } = {}): ChannelDef<Req, Res> => ({
    request,
    mutates: opts.mutates ?? false,
  });
}
