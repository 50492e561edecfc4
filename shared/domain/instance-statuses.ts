// Apart from the schemas in ecs.ts, so that the renderer can use it without carrying zod.

/** The statuses the spec lists. Volcengine may add more, so an instance's status stays a plain string. */
export const knownInstanceStatuses = [
  'CREATING',
  'RUNNING',
  'STOPPING',
  'STOPPED',
  'REBOOTING',
  'STARTING',
  'REBUILDING',
  'RESIZING',
  'ERROR',
  'DELETING',
] as const;
