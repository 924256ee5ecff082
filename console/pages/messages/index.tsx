/**
 * Customer SMS: the messages head office could not deliver (retry or cancel, with a reason) and the
 * provider's approved template code per event. Phones come masked and texts withheld from a role
 * that sees customers masked: head office decides, the page shows what it is given.
 */
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemsTab } from './problems-tab';
import { TemplatesTab } from './templates-tab';

export default function MessagesPage() {
  const { t } = useTranslation('messages');
  return (
    <div data-page="messages">
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'problems', label: t('tabProblems'), children: <ProblemsTab /> },
          { key: 'templates', label: t('tabTemplates'), children: <TemplatesTab /> },
        ]}
      />
    </div>
  );
}
