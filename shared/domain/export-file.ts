import { z } from 'zod';

/** A file the renderer built (CSV, JSON) for main to save where the user chooses. */
export const exportFileSchema = z.strictObject({
  /** A suggested name only: main asks the user where to save, and strips anything path-like. */
  fileName: z.string().min(1).max(200),
  content: z.string().max(64 * 1024 * 1024),
  mimeType: z.enum(['text/csv', 'application/json']),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const exportSavedSchema = z.strictObject({
  /** False when the user cancelled the save dialog. */
  saved: z.boolean(),
  path: z.string().max(4096).nullable(),
});
