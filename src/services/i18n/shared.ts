// Strings used by the shared form pieces and controllers. Widgets add their own catalogues.
import type { Catalogues } from './index.js';

const zh = {
  'common.loading': '正在加载…',
  'common.required': '（必填）',
  'common.optional': '（选填）',
  'common.submit': '提交',
  'common.submitting': '正在提交…',
  'common.cancel': '取消',
  'common.close': '关闭',
  'common.edit': '修改',
  'common.remove': '删除',
  'common.back': '返回',
  'common.next': '下一步',
  'common.previous': '上一步',
  'common.newSubmission': '再提交一份',
  'common.charCount': '已输入 {count} / {max} 字',
  'common.errorPrefix': '错误：',

  'errors.summaryTitle': '提交前请修改以下问题',
  'errors.required': '请填写此项',
  'errors.requiredChoice': '请选择一项',
  'errors.tooLong': '不能超过 {max} 个字',
  'errors.tooShort': '至少需要 {min} 个字',
  'errors.email': '请输入有效的电子邮箱，如 name@example.com',
  'errors.phone': '请输入有效的手机或固定电话号码',
  'errors.invalid': '此项格式不正确',
  'errors.consent': '请阅读并同意个人信息处理说明',
  'errors.number': '请输入数字',
  'errors.tooSmall': '不能小于 {min}',
  'errors.tooBig': '不能大于 {max}',

  'submit.network': '网络连接失败，暂时无法提交。',
  'submit.timeout': '服务器长时间没有响应，暂时无法提交。',
  'submit.server': '服务器暂时无法处理（{status}）。',
  'submit.rejected': '服务器未接受本次提交，请根据提示修改。',
  'submit.queued': '暂时无法发送。您填写的内容已保存在本设备上，联网后会自动发送，无需重新填写。',
  'submit.queuedSent': '您之前暂存的提交已发送成功，编号 {receipt}。',
  'submit.cancelled': '提交已被页面取消。',
  'submit.noEndpoint': '此表单尚未配置提交地址，请联系网站管理员。',
  'submit.retrying': '网络不稳定，正在重试（第 {attempt} 次）…',

  'receipt.title': '提交成功',
  'receipt.number': '编号',
  'receipt.keep': '请保存此编号，以便查询办理情况。',
  'receipt.replyWindow': '我们将在{window}答复。',
  'receipt.summary': '您提交的内容',

  'draft.restored': '已恢复您上次未提交的内容（保存于 {time}）。',
  'draft.discard': '清除已保存的内容',
  'draft.discarded': '已清除保存的内容。',
  'draft.off': '此设备无法保存草稿，请一次填写完成后提交。',
  'draft.saved': '已自动保存 {time}',
  'draft.conflict': '此表单在另一个标签页中也有更新的内容（保存于 {time}）。',
  'draft.useOther': '改用那份内容',
  'draft.keepMine': '保留本页内容',

  'consent.label': '我已阅读并同意《个人信息处理说明》',
  'consent.notice': '您提供的个人信息仅用于处理和答复本次意见，依照《中华人民共和国个人信息保护法》予以保护，不会用于其他用途或向无关方公开。',
  'consent.link': '查看完整说明',
  'publish.label': '同意公开我的意见（不公开姓名和联系方式）',

  'data.invalidTitle': '无法显示此内容：数据格式有误',
  'data.invalidItem': '{path}：{problem}',
  'data.loadFailed': '无法加载数据（{reason}），请稍后刷新页面重试。',
  'data.notFound': '未找到所需数据。',
  'data.noSource': '未提供数据：请设置 data、src、内嵌 JSON 或 endpoint 与编号。',
  'data.problem.required': '缺少此项',
  'data.problem.type': '类型不正确（应为 {expected}）',
  'data.problem.value': '取值不在允许范围内',
  'data.problem.format': '格式不正确',
  'data.problem.tooLong': '过长',
  'data.problem.tooShort': '过短或为空',
  'data.problem.unknown': '无效',
  'data.root': '（整个数据）',

  'honeypot.label': '请勿填写此项',
  'kiosk.reset': '长时间无操作，已清空表单。',
  'widget.crashed': '此组件出现错误，暂时无法显示。',
} as const;

export type SharedKey = keyof typeof zh;

export const sharedCatalogues: Catalogues<SharedKey> = {
  'zh-CN': zh,
  en: () => import('./shared.en.js').then((m) => m.en),
};
