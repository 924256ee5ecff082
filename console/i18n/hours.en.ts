import type { hoursZhCN } from './hours.zh-CN';

export const hoursEn: Record<keyof typeof hoursZhCN, string> = {
  title: 'Opening-hours templates',
  intro:
    'Opening hours head office offers the stores. A store’s admin picks one on Store settings and its times and working days are copied into the store’s own settings; changing or removing a template later changes no store’s hours.',
  add: 'Add template',
  editTitle: 'Change template: {{name}}',
  name: 'Name',
  hours: 'Hours',
  opensAt: 'Opens at',
  closesAt: 'Closes at',
  workingDays: 'Working days',
  none: 'No templates yet',
  remove: 'Remove',
  confirmRemove: 'Remove the template “{{name}}”? Stores that used it keep their hours.',
  removed: 'Template “{{name}}” removed',
  nameTaken: 'A template with that name already exists',
  'day.1': 'Mon',
  'day.2': 'Tue',
  'day.3': 'Wed',
  'day.4': 'Thu',
  'day.5': 'Fri',
  'day.6': 'Sat',
  'day.7': 'Sun',
};
