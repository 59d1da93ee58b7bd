// A Server Component: @attune/react's 'use client' entry makes the provider a client boundary.
import type { ReactNode } from 'react';
import { AttuneProvider } from '@attune/react';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <AttuneProvider config={{ rules: '/attune-rules.json', endpoint: '/collect', consent: 'granted' }}>{children}</AttuneProvider>
      </body>
    </html>
  );
}
