/** Runtime schemas for IPC arguments: main validates every call before acting on it. */
import { z } from 'zod';
import { roomNameSchema } from './protocol.schemas';

export const hostingStartRequestSchema = z.strictObject({
  room: roomNameSchema,
  port: z.number().int().min(1024, 'Pick a port from 1024 up').max(65535).optional(),
});
