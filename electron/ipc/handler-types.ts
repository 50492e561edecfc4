import type { z } from 'zod';
import type { InvokeChannel } from '../../shared/ipc/channel-names';
import type { invokeContract, ResponseOf } from '../../shared/ipc/contract';

/** A handler gets the request already validated and parsed; it returns the value or throws an `AppError`. */
export type IpcHandler<C extends InvokeChannel> = (
  request: z.output<(typeof invokeContract)[C]['request']>,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type IpcHandlers = { [C in InvokeChannel]: IpcHandler<C> };

/** Some of the handlers, as each feature module provides them. */
export type PartialIpcHandlers<C extends InvokeChannel> = { [K in C]: IpcHandler<K> };

/**
 * Every channel of one namespace ('profiles' → 'profiles.list' | 'profiles.create' | …), derived from the names in
 * `shared/ipc/channel-names.ts`: a channel added there is a handler its module must provide, never a list to update.
 */
export type ChannelsOf<N extends string> = Extract<InvokeChannel, `${N}.${string}`>;
