// Strings of the deputy card's message form: zh-CN (default, source of keys) and en, complete.
// They travel with that part's chunk, not on the card's first screen (RdElement.useCatalogues).

export const zh = {
  'deputy.message.title': '给{name}代表留言',
  'deputy.message.intro': '您的留言将通过{station}转交代表本人。',
  'deputy.message.introNoStation': '您的留言将转交代表本人。',
  'deputy.message.subject': '留言主题',
  'deputy.message.text': '留言内容',
  'deputy.message.textHint': '请写清楚事情的经过、地点和您的诉求。',
  'deputy.message.category': '留言类别',
  'deputy.message.categoryPlaceholder': '请选择类别',
  'deputy.message.wantsReply': '需要代表答复我',
  'deputy.message.wantsReplyHint': '只有需要答复时才需填写联系方式。',
  'deputy.message.name': '称呼',
  'deputy.message.phone': '手机或固定电话',
  'deputy.message.email': '电子邮箱',
  'deputy.message.contactHint': '手机或电子邮箱至少填写一项。',
  'deputy.message.publish': '同意公开我的留言和答复（不公开姓名和联系方式）',
  'deputy.message.submit': '提交留言',
  'deputy.message.receiptTitle': '留言已提交',
  'deputy.message.bookTitle': '给{name}代表的留言',
  'deputy.message.receiptNumber': '留言编号',
  'deputy.message.another': '再写一条留言',
  'deputy.category.livelihood': '民生保障',
  'deputy.category.urban-rural': '城乡建设',
  'deputy.category.environment': '生态环境',
  'deputy.category.economy': '经济发展',
  'deputy.category.social': '教育医疗等社会事业',
  'deputy.category.rule-of-law': '法治与社会治理',
  'deputy.category.other': '其他',
  'deputy.errors.subject': '请填写留言主题',
  'deputy.errors.text': '请填写留言内容',
  'deputy.errors.category': '请选择留言类别',
  'deputy.errors.contactNeeded': '需要答复时，请填写手机号码或电子邮箱',
} as const;

export type DeputyMessageKey = keyof typeof zh;
