const createNextIntlPlugin = require("next-intl/plugin");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native database drivers stay plain Node modules on the server instead of being bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "rate-limiter-flexible", "bcryptjs"],
};

// The interface's language per request: i18n/request.ts.
module.exports = createNextIntlPlugin("./i18n/request.ts")(nextConfig);
