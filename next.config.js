const createNextIntlPlugin = require("next-intl/plugin");

/** Set by `npm start` (scripts/support/next-build.ts): a build to serve now, made as quickly as it can be. */
const startBuild = process.env.DEREK_START_BUILD === "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm start` builds without the type-check (scripts/support/next-build.ts): `npm test` runs
  // tsc on the same files, and the e2e harness builds with it.
  typescript: { ignoreBuildErrors: startBuild },
  // Nor does it write Turbopack's cache (163 MB, tens of seconds after compiling, before the build
  // ends) or server source maps (42 MB) for a rebuild that a first start never makes.
  ...(startBuild && { experimental: { turbopackFileSystemCacheForBuild: false, turbopackSourceMaps: false } }),
  // Native database drivers stay plain Node modules on the server instead of being bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "rate-limiter-flexible", "bcryptjs"],
  // On every response, pages, API and static files alike; the pages' Content-Security-Policy
  // (a nonce per request) and HSTS are set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Links to sources do not tell them which of Derek's pages (and filters) they came from.
          { key: "Referrer-Policy", value: "same-origin" },
          // For browsers that predate CSP's frame-ancestors.
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

// The interface's language per request: i18n/request.ts.
module.exports = createNextIntlPlugin("./i18n/request.ts")(nextConfig);
