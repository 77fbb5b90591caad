import { AppError, type Actor } from '@tableport/contracts';
import type { SqlExecutor } from '../../infra/db';
import type { AuditLog } from '../audit/audit.types';
import type { Auth } from './better-auth';
import { hashPassword } from './password';

/** A user as the API shows it. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

/** Users: creation outside sign-up (CLI, admin API), lookups. */
export interface UserService {
  create(input: { email: string; name: string; password: string; actor: Actor }): Promise<UserView>;
  get(id: string): Promise<UserView>;
  findByEmail(email: string): Promise<UserView | null>;
  list(): Promise<UserView[]>;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  created_at: Date;
}
const toView = (row: UserRow): UserView => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.created_at.toISOString(),
});

/** Builds the user service over better-auth's adapter (so its hooks run: the first user claims the instance). */
export function createUserService(options: { db: SqlExecutor; auth: Auth; audit: AuditLog }): UserService {
  const { db } = options;
  const findByEmail = async (email: string) => {
    const result = await db.query<UserRow>('SELECT id, email, name, created_at FROM users WHERE email = $1', [
      email.trim().toLowerCase(),
    ]);
    return result.rows[0] ? toView(result.rows[0]) : null;
  };
  return {
    async create({ email, name, password, actor }) {
      if (await findByEmail(email))
        throw new AppError({ code: 'user.exists', message: `${email} already has an account` });
      if (password.length < 10) {
        throw new AppError({
          code: 'request.invalid',
          message: 'Invalid request: password must have at least 10 characters',
        });
      }
      const context = await options.auth.$context;
      const user = await context.internalAdapter.createUser(
        {
          email: email.trim().toLowerCase(),
          name,
          emailVerified: false,
        },
        { method: 'admin' },
      );
      await context.internalAdapter.linkAccount({
        userId: user.id,
        providerId: 'credential',
        accountId: user.id,
        password: await hashPassword(password),
      });
      await options.audit.record({ action: 'user.created', actor, target: { type: 'user', id: user.id } });
      return toView({ id: user.id, email: user.email, name: user.name, created_at: user.createdAt });
    },
    async get(id) {
      const result = await db.query<UserRow>('SELECT id, email, name, created_at FROM users WHERE id = $1', [
        id,
      ]);
      if (!result.rows[0]) throw new AppError({ code: 'user.not_found', message: `No user ${id}` });
      return toView(result.rows[0]);
    },
    findByEmail,
    async list() {
      const result = await db.query<UserRow>(
        'SELECT id, email, name, created_at FROM users ORDER BY created_at',
      );
      return result.rows.map(toView);
    },
  };
}
