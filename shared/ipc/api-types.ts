import type { EventChannel, InvokeChannel } from './channel-names';
import type { EventPayloadOf, RequestOf, ResponseOf } from './contract';
import type { IpcResult } from './result';

type NamespaceOf<C extends string> = C extends `${infer N}.${string}` ? N : never;

/** A channel without input becomes a method without arguments. */
type ArgsOf<C extends InvokeChannel> = RequestOf<C> extends undefined ? [] : [request: RequestOf<C>];

/** The object the preload exposes as `window.api`, derived from the contract: one method per channel. */
export type KeyPairDeskApi = {
  [N in NamespaceOf<InvokeChannel>]: {
    [C in InvokeChannel as C extends `${N}.${infer M}` ? M : never]: (
      ...args: ArgsOf<C>
    ) => Promise<IpcResult<ResponseOf<C>>>;
  };
} & {
  on: {
    [N in NamespaceOf<EventChannel>]: {
      [E in EventChannel as E extends `${N}.${infer M}` ? M : never]: (
        listener: (payload: EventPayloadOf<E>) => void,
      ) => () => void;
    };
  };
};
