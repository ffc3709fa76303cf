// Catalogue of <rd-appointment-form> (预约接访), shared by the station map and the deputy card.
import type { Catalogues } from '../../services/i18n/index.js';

const zh = {
  'appointment.title': '预约接访',
  'appointment.titleAt': '预约接访：{place}',
  'appointment.intro': '请选择接待时间并简要说明要反映的事项。工作人员会电话确认预约。',
  'appointment.slot': '接待时间',
  'appointment.slotHint': '可选择已公布的接待日，或另约时间。',
  'appointment.slotOther': '另约时间（由工作人员联系确认）',
  'appointment.slotTentative': '（节假日安排未公布，以站点通知为准）',
  'appointment.slotRequired': '请选择接待时间',
  'appointment.date': '希望的日期',
  'appointment.dateHint': '例如 2026-12-10',
  'appointment.datePast': '请选择今天或以后的日期',
  'appointment.period': '时段',
  'appointment.period.morning': '上午',
  'appointment.period.afternoon': '下午',
  'appointment.period.any': '都可以',
  'appointment.topic': '要反映的事项',
  'appointment.topicHint': '简要说明，例如“村道路灯损坏，影响夜间出行”。',
  'appointment.topicRequired': '请简要说明要反映的事项',
  'appointment.details': '详细情况',
  'appointment.people': '来访人数',
  'appointment.peopleHint': '超过 5 人请说明，便于安排场地。',
  'appointment.name': '姓名',
  'appointment.phone': '联系电话',
  'appointment.phoneHint': '用于确认预约，不会公开。',
  'appointment.email': '电子邮箱',
  'appointment.submit': '提交预约',
  'appointment.receiptTitle': '预约已提交',
  'appointment.receiptNumber': '预约编号',
  'appointment.receiptMessage': '工作人员将尽快电话与您确认时间。如需取消，请致电站点并告知预约编号。',
  'appointment.summary.place': '地点',
  'appointment.summary.deputy': '代表',
  'appointment.summary.time': '时间',
  'appointment.summary.topic': '事项',
  'appointment.summary.people': '人数',
  'appointment.new': '再预约一次',
  'appointment.noTarget': '无法预约：未指定站点或代表。',
} as const;

export type AppointmentKey = keyof typeof zh;

export const appointmentCatalogues: Catalogues<AppointmentKey> = {
  'zh-CN': zh,
  en: () => import('./rd-appointment-form.messages.en.js').then((m) => m.en),
};
