/**
 * Error messages of the tickets area, joined into db/messages.ts with one spread line. Each says
 * what is wrong and, where it helps, what to do. No Node imports (the renderer reads them).
 */
export const ticketMessages = {
  // 三包 windows of an after-sales plan (plan-window.ts): who may decide outside them, and with what.
  plan_outside_return_manager: {
    en: 'The return window has passed: only an after-sales manager may decide a refund now, with a reason. Choose another plan or ask the manager',
    zh: '已过退货期：现在退货只能由售后经理决定并填写原因。请改选其他方案或请售后经理处理',
  },
  plan_outside_exchange_manager: {
    en: 'The exchange window has passed: only an after-sales manager may decide an exchange now, with a reason. Choose another plan or ask the manager',
    zh: '已过换货期：现在换货只能由售后经理决定并填写原因。请改选其他方案或请售后经理处理',
  },
  plan_purchase_unknown_manager: {
    en: 'The purchase date is not known, so the return and exchange windows cannot be checked: only an after-sales manager may decide a refund or exchange, with a reason',
    zh: '购买日期不详，无法确认是否在退换货期内：退货或换货只能由售后经理决定并填写原因',
  },
  plan_outside_return_reason: {
    en: 'The return window has passed: give the reason for refunding anyway',
    zh: '已过退货期：请填写仍予退货的原因',
  },
  plan_outside_exchange_reason: {
    en: 'The exchange window has passed: give the reason for exchanging anyway',
    zh: '已过换货期：请填写仍予换货的原因',
  },
  plan_purchase_unknown_reason: {
    en: 'The purchase date is not known, so this counts as outside the window: give the reason for deciding it anyway',
    zh: '购买日期不详，按超出退换货期处理：请填写仍予处理的原因',
  },
  standards_hq_owned: {
    en: 'Service time limits are set by head office once this PC is enrolled; ask head office to change them',
    zh: '本机已接入总部，服务时限由总部统一设定，如需调整请联系总部',
  },
  sla_minutes_whole: { en: 'Enter the target in whole minutes', zh: '时限请填写整数分钟' },
  sla_minutes_positive: { en: 'A target must be at least 1 minute', zh: '时限至少为 1 分钟' },
  sla_minutes_too_long: { en: 'A target can be at most 30 days (43,200 minutes)', zh: '时限最多 30 天（43200 分钟）' },
  sla_reply_not_below_resolve: {
    en: 'The resolution target must be longer than the reply target',
    zh: '处理时限必须长于响应时限',
  },
  sla_target_repeated: {
    en: 'The same type, priority and tier appears twice: keep one row',
    zh: '同一类型、优先级和客户等级重复出现，请只保留一行',
  },
  report_range_reversed: { en: 'The end date is before the start date', zh: '结束日期早于开始日期' },
  report_span_too_long: {
    en: 'A report covers at most 366 days: choose a shorter period',
    zh: '报表期间最长 366 天，请缩短期间',
  },
  ticket_stale: {
    en: 'Someone else changed this ticket meanwhile: nothing was saved. Look at the ticket as it is now and try again',
    zh: '该服务单刚被他人修改，本次操作未保存。请查看最新内容后重试',
  },
  ticket_final: {
    en: 'This ticket is finished: no more steps can be taken on it',
    zh: '该服务单已结束，不能再进行任何操作',
  },
  ticket_step_invalid: {
    en: 'This step is not possible in the ticket’s current state',
    zh: '服务单当前状态下不能执行此操作',
  },
  ticket_step_wrong_location: {
    en: 'This step does not apply to this kind of repair (in store / on site)',
    zh: '此操作不适用于该维修方式（到店/上门）',
  },
  ticket_paused: {
    en: 'The ticket is waiting (for the customer or parts): resume it first',
    zh: '服务单处于等待中（等客户或等配件），请先恢复处理',
  },
  ticket_not_paused: { en: 'The ticket is not waiting for anything', zh: '服务单当前没有处于等待状态' },
  ticket_step_behind_clock: {
    en: 'This ticket has a step recorded later than this PC’s clock, so the new step would not take effect: nothing was saved. Check the PC’s date and time, then try again',
    zh: '该服务单已有晚于本机时间的记录，本次操作不会生效，未保存。请检查本机的日期和时间后重试',
  },
  ticket_already_escalated: { en: 'Already escalated to the after-sales manager', zh: '已升级至售后部经理' },
  ticket_already_replied: {
    en: 'The customer already had a first reply on this complaint',
    zh: '该投诉已给过顾客首次答复',
  },
  complaint_about_invalid: {
    en: 'Whom the complaint is about: choose a staff member of this store, a department, or nobody',
    zh: '投诉对象：请选择本店员工、部门，或“不涉及个人”',
  },
  complaint_about_manager_only: {
    en: 'Only the after-sales manager can change whom a complaint is about',
    zh: '只有售后部经理可以修改投诉对象',
  },
  ticket_role_not_allowed: {
    en: 'Your role may not take this step, and you are not the person responsible for the ticket',
    zh: '您的岗位无权执行此操作，且您不是该服务单的负责人',
  },
  ticket_assignee_invalid: {
    en: 'Choose an active staff member who works on tickets',
    zh: '请选择在岗且负责服务单的员工',
  },
  ticket_technician_invalid: { en: 'Choose an active technician or repair lead', zh: '请选择在岗的维修人员或维修组长' },
  ticket_customer_unknown: {
    en: 'Choose the customer first: this one is not in the customer file',
    zh: '请先选择客户：客户档案中没有该客户',
  },
  ticket_product_unknown: { en: 'This product is not registered to this customer', zh: '该产品不属于此客户' },
  ticket_customer_fixed: {
    en: 'A ticket’s customer and type cannot be changed: void it and take a new one',
    zh: '服务单的客户和类型不能修改：请作废后重新登记',
  },
  consultation_answer_or_promise: {
    en: 'Give the answer, or promise the customer a reply time',
    zh: '请填写答复，或与客户约定回复时间',
  },
  repair_address_required: { en: 'A repair on site needs the address', zh: '上门维修须填写地址' },
  repair_condition_required: { en: 'Describe the condition of the goods received', zh: '请填写收货时商品的外观状况' },
  purchase_date_future: { en: 'The purchase date cannot be after today', zh: '购买日期不能晚于今天' },
  promise_in_past: {
    en: 'The promised reply time has already passed: choose a later time',
    zh: '约定回复时间已过，请选择更晚的时间',
  },
  appointment_in_past: {
    en: 'The appointment time has already passed: choose a later time',
    zh: '预约时间已过，请选择更晚的时间',
  },
  datetime_invalid: { en: 'Choose a date and time', zh: '请选择日期和时间' },
  date_invalid: { en: 'Use a date like 2026-11-23', zh: '日期格式应为 2026-11-23' },
  rating_range: { en: 'Rate from 1 to 5', zh: '请评 1 至 5 分' },
  signature_required: { en: 'The customer must sign on the pad', zh: '请客户在签名板上签字' },
  signature_off_pad: {
    en: 'The signature runs off the pad: clear it and sign again',
    zh: '签名超出了签名板，请清除后重新签名',
  },
  signature_too_complex: {
    en: 'The signature is too long: clear it and sign again',
    zh: '签名笔画过多，请清除后重新签字',
  },
  signature_form_changed: {
    en: 'The service form changed after the customer signed it: show the customer the form again and ask them to sign once more',
    zh: '客户签字后服务单内容有变，请重新给客户确认并再次签字',
  },
  signed_form_changed: {
    en: 'The service form changed after the customer signed it: ask the customer to sign the current form, or a lead records why the change stands, before the job is closed',
    zh: '顾客签字后服务单内容已更改：结单前请顾客在当前服务单上重新签字，或由组长/经理记录变更原因',
  },
  signed_form_unchanged: {
    en: 'The signed form still matches the ticket: there is nothing to accept',
    zh: '已签字的服务单与工单内容一致，无需确认变更',
  },
  signed_form_none: {
    en: 'This ticket has no signed service form yet',
    zh: '该工单尚无已签字的服务单',
  },
  attachment_too_large: {
    en: 'The picture is too large (at most 640 KB after scaling down)',
    zh: '图片过大（压缩后不超过 640 KB）',
  },
  attachment_type: {
    en: 'Only JPEG, PNG or WebP pictures can be attached',
    zh: '只能添加 JPEG、PNG 或 WebP 格式的图片',
  },
  time_zone_invalid: { en: 'Not a known time zone, e.g. Asia/Shanghai', zh: '无法识别的时区，例如 Asia/Shanghai' },
  follow_up_days_range: { en: 'Follow-up within 1 to 30 working days', zh: '回访期限为 1 至 30 个工作日' },
} as const satisfies Record<string, { en: string; zh: string }>;
