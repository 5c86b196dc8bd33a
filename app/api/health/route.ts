import { NextResponse } from "next/server";
import { englishMessage } from "@/lib/core/english-messages";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** For load balancers and the start script: the app answers and reaches its database. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ ok: true });
  } catch {
    // The API's error shape, with `ok` as load balancers read it.
    return NextResponse.json({ ok: false, error: englishMessage("libServer.databaseUnreachable"), code: "unavailable", messageCode: "libServer.databaseUnreachable" }, { status: 503 });
  }
}
