/** Error texts of training and assessment, joined into db/messages.ts with one spread line. No Node imports. */
export const trainingMessages = {
  training_year_range: { en: 'The plan year is from 2000 to 2100', zh: '计划年度须在 2000 至 2100 年之间' },
  training_hours_range: {
    en: 'Hours: from 0.5 to 1000, in half hours',
    zh: '学时须在 0.5 至 1000 之间，以半小时为单位',
  },
  training_dates_order: { en: 'The end date must not be before the start date', zh: '结束日期不能早于开始日期' },
  training_no_attendees: { en: 'Choose at least one person to attend', zh: '请至少选择一名参训人员' },
  training_result_needs_attendance: {
    en: 'A score or pass/fail is recorded only for someone who attended',
    zh: '只有已出席的人员才能登记成绩或是否合格',
  },
  training_not_your_group: {
    en: 'A group lead plans and records only for their own group',
    zh: '组长只能为本组人员安排培训和登记结果',
  },
  training_session_not_yours: {
    en: 'This session was planned by the manager or another group: only they can change it',
    zh: '该培训由经理或其他小组安排，只有安排人可以修改',
  },
  training_not_attendee: { en: 'This person is not on the session’s list', zh: '此人不在该培训的参训名单中' },
  training_staff_inactive: { en: 'A chosen person is not an active staff member', zh: '所选人员不是在职员工' },
  assessment_score_range: { en: 'A score is a whole number from 0 to 100', zh: '分数须为 0 至 100 的整数' },
  assessment_weight_range: { en: 'A weight is a whole percent from 0 to 100', zh: '权重须为 0 至 100 的整数百分比' },
  assessment_weights_sum: {
    en: 'The three weights must add up to 100%',
    zh: '自评、上级评分与客户评价三项权重之和须为 100%',
  },
  assessment_period_too_long: { en: 'A period is at most one year (366 days)', zh: '考核期最长一年（366 天）' },
  assessment_grade_bands: {
    en: 'The lowest total for grade B must not be above the one for grade A',
    zh: 'B 档最低分不能高于 A 档最低分',
  },
  assessment_period_closed: {
    en: 'This period is closed: its assessments are final',
    zh: '该考核期已结束，考核结果不可再改',
  },
  assessment_not_assessed: {
    en: 'Only members of the counter, repair and parts groups are assessed',
    zh: '只有客服组、维修组和配件组人员参加考核',
  },
} as const;
