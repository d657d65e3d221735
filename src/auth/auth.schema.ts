import { z } from 'zod';

export const Role = z.enum(['admin', 'planner', 'viewer']).describe('admin > planner > viewer');
export type Role = z.infer<typeof Role>;

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
});
export type User = z.infer<typeof User>;

export const LoginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
export const CreateUserBody = z.object({
  username: z
    .string()
    .min(2)
    .max(100)
    .regex(/^[a-z0-9._-]+$/),
  displayName: z.string().min(1).max(200),
  password: z.string().min(10).max(200),
  role: Role,
});
