import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../shell/language-switch';

/** A centred card for the screens before the shell: first-run setup and sign-in. */
export function Screen({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <main className="cd-centre">
      <Card style={{ width: 440, maxWidth: '100%' }}>
        <div style={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 16 }}>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
        {children}
      </Card>
    </main>
  );
}
