// Strings of the form machinery: sending and its outcomes, the receipt, drafts, consent and the
// honeypot. Not on a widget's first screen: they travel with the code that shows them (the
// submit and draft controllers add them to their element through RdElement.useCatalogues; the
// receipt lookup lists them among its own), in the chunk of the form pieces. English loads on
// first use.
import { catalogues } from './index.js';

const zh = {
  'submit.network': '网络连接失败，暂时无法提交。',
  'submit.timeout': '服务器长时间没有响应，暂时无法提交。',
  'submit.server': '服务器暂时无法处理（{status}）。',
  'submit.rejected': '服务器未接受本次提交，请根据提示修改。',
  'submit.queued': '暂时无法发送。您填写的内容已保存在本设备上，稍后会自动发送（本页打开期间会继续尝试，联网后或下次打开本页时也会发送），无需重新填写。',
  'submit.outboxFull': '暂时无法发送。本设备上等待发送的内容已满，这一份只能保存在本页：请不要关闭本页，它会继续尝试发送；之前保存的内容发出后即可恢复保存。',
  'submit.queuedMemory': '暂时无法发送。此设备不能保存未发送的内容，请不要关闭本页：本页会继续尝试发送，您也可以点击“立即重试”。',
  'submit.retryNow': '立即重试',
  'submit.queuedSent': '您之前暂存的提交已发送成功，编号 {receipt}。',
  'submit.cancelled': '提交已被页面取消。',
  'submit.unauthorized': '网站暂时无法接收您的提交（未获授权，可能是登录已过期）。您填写的内容仍在本页，请刷新页面或稍后再试。',
  'submit.notFound': '此表单的提交地址有误，暂时无法提交。您填写的内容仍在本页，请联系网站管理员。',
  'submit.tooLarge': '提交的内容过长，请精简后再提交。',
  'submit.noEndpoint': '此表单尚未配置提交地址，请联系网站管理员。',
  'submit.retrying': '网络不稳定，正在重试（第 {attempt} 次）…',
  'receipt.title': '提交成功',
  'receipt.number': '编号',
  'receipt.keep': '请保存此编号，以便查询办理情况。',
  'receipt.replyWindow': '我们将在{window}答复。',
  'receipt.summary': '您提交的内容',
  'receipt.code': '查询码',
  'receipt.keepWithCode': '请保存编号和查询码，凭二者可以查询办理情况和答复。',
  'receipt.copy': '复制编号和查询码',
  'receipt.copyText': '编号：{receipt} 查询码：{code}',
  'receipt.copied': '已复制。',
  'receipt.copyFailed': '无法自动复制，请手动记下编号和查询码。',
  'receipt.lookupLink': '查询办理情况',
  'draft.restored': '已恢复您上次未提交的内容（保存于 {time}）。',
  'draft.discard': '清除已保存的内容',
  'draft.discarded': '已清除保存的内容。',
  'draft.off': '此设备无法保存草稿，请一次填写完成后提交。',
  'draft.saved': '已自动保存 {time}',
  'draft.conflict': '此表单在另一个标签页中也有更新的内容（保存于 {time}）。',
  'draft.earlier': '本设备上还有一份之前保存的内容（保存于 {time}），没有与表单中现在的内容合并。',
  'draft.useOther': '改用那份内容',
  'draft.keepMine': '保留本页内容',
  'consent.label': '我已阅读并同意《个人信息处理说明》',
  'consent.notice': '您提供的个人信息仅用于处理和答复本次意见，依照《中华人民共和国个人信息保护法》予以保护，不会用于其他用途或向无关方公开。',
  'consent.link': '查看完整说明',
  'honeypot.label': '请勿填写此项',
} as const;

export type FormsKey = keyof typeof zh;
export const formCatalogues = catalogues<FormsKey>(zh, () => import('./forms.en.js'));
