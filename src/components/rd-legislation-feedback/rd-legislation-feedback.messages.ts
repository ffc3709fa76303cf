// Strings of <rd-legislation-feedback>'s first screen (reading the draft). zh-CN is the source;
// en has every key. The comment form's strings come with the form half
// (legislation-form.messages.ts), the legal-text parser's report with the parser
// (legislation-text.messages.ts; README "Figures").

export const zh = {
  'lf.stage.project-call': '立法项目征集',
  'lf.stage.first-reading': '草案一审',
  'lf.stage.second-reading': '草案二审',
  'lf.stage.third-reading': '草案三审',
  'lf.stage.evaluation': '实施评估',
  'lf.solicitedBy': '征求意见单位：{legislature}',
  'lf.relayedBy': '本页由{host}转载',
  'lf.window': '征求意见时间：{opens} 至 {closes}',
  'lf.window.before': '本草案将于 {opens} 开始征求意见。现在可以先阅读草案全文，届时再提出意见。',
  'lf.adoption.title': '意见采纳情况',
  'lf.adoption.published': '{date}公布。',
  'lf.adoption.totals': '共收到意见 {comments} 条。',
  'lf.adoption.totalsPeople': '共有 {people} 人次提出意见 {comments} 条。',
  'lf.adoption.outcomes': '逐条情况：采纳 {adopted} 条，部分采纳 {partly} 条，未采纳 {not} 条。',
  'lf.adoption.comments': '收到意见 {count} 条',
  'lf.adoption.outcome.adopted': '已采纳',
  'lf.adoption.outcome.partly-adopted': '部分采纳',
  'lf.adoption.outcome.not-adopted': '未采纳',
  'lf.adoption.outcome.none': '正在研究',
  'lf.window.closed': '本次征求意见已于 {closes} 截止，感谢关注。草案全文仍可阅读。',
  'lf.window.open': '正在征求意见，截止时间：{closes}',
  'lf.note': '草案说明',
  'lf.noteLink': '查看草案说明（新窗口打开）',
  'lf.deliberation': '审议情况',

  'lf.toc': '目录',
  'lf.tocAndSearch': '目录、跳转与搜索',
  'lf.preamble': '前言',
  'lf.jump': '跳转到条文',
  'lf.jumpHint': '输入条号，如 12 或 第十二条',
  'lf.jumpButton': '跳转',
  'lf.jumpNotFound': '草案中没有{ref}，请检查条号',
  'lf.jumpInvalid': '请输入条号，如 12 或 第十二条',
  'lf.search': '在草案中搜索',
  'lf.searchHint': '输入关键词，如 犬只登记',
  'lf.searchCount': '找到 {count} 条相关条文',
  'lf.searchNone': '没有找到包含“{query}”的条文',
  'lf.searchMore': '只显示前 {shown} 条，请输入更多关键词缩小范围',
  'lf.text': '草案全文',
  'lf.articleCountParts': '共 {parts} 编 {chapters} 章 {articles} 条',
  'lf.articleCount': '共 {chapters} 章 {articles} 条',
  'lf.articleCountNoChapters': '共 {articles} 条',

  'lf.commentOn': '对{label}提意见',
  'lf.commentMore': '对{label}再提一条意见',
  'lf.questionOnArticle': '本条有重点问题征求意见：{prompt}',
  'lf.goToQuestion': '回答此问题',

  'lf.questions': '重点问题',
  'lf.answerText': '您的意见',

  'lf.mine': '我的意见',



  'lf.lazy.form': '意见表单',

  'legislation.commentRequired': '请填写意见内容',
  'legislation.contactRequired': '希望得到答复时，请填写手机、电话或电子邮箱',


} as const;

export type LfKey = keyof typeof zh;
