/** Ids on the wire (replica, device, change, transaction): short non-empty texts. */
import { z } from 'zod';

export const idSchema = z.string().min(1).max(64);
