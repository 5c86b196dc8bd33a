import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Derek", template: "%s · Derek" },
  description: "Fact-tracking annotation workbench for Kazakh-language news",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="kk">
      <body>{children}</body>
    </html>
  );
}
