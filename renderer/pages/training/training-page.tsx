/**
 * Training & assessment (培训与考核, docs/DOMAIN.md §8b): the year's training plan with attendance
 * and results, and the periodic assessments with their ranking. Everyone signed in comes here; the
 * main process decides per row what each sees (their own, their group's, everyone's).
 */
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AssessmentTab } from './assessment-tab';
import { PlanTab } from './plan-tab';

export function TrainingPage() {
  const { t } = useTranslation('training');
  return (
    <section aria-labelledby="training-title">
      <Typography.Title level={2} id="training-title" style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'plan', label: t('tabs.plan'), children: <PlanTab /> },
          { key: 'assessment', label: t('tabs.assessment'), children: <AssessmentTab /> },
        ]}
      />
    </section>
  );
}
