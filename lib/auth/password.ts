import bcrypt from "bcryptjs";

// Cost 11 takes about 0.1 s per hash in bcryptjs on these machines: slow enough to make
// offline guessing expensive, fast enough that sign-in does not feel sluggish.
const BCRYPT_COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the account does not exist, so that a wrong email takes as long as a
// wrong password and the timing does not tell which accounts exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPasswordOrDummy(password: string, hash: string | undefined): Promise<boolean> {
  dummyHash ??= bcrypt.hash("derek-timing-equaliser", BCRYPT_COST);
  const ok = await bcrypt.compare(password, hash ?? (await dummyHash));
  return ok && hash !== undefined;
}
