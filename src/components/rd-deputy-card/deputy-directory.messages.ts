// Strings of the deputy card's directory: zh-CN (default, source of keys) and en, complete.
// They travel with that part's chunk, not on the card's first screen (RdElement.useCatalogues).

export const zh = {
  'deputy.levelShort.national': '全国',
  'deputy.levelShort.provincial': '省',
  'deputy.levelShort.municipal': '市（州）',
  'deputy.levelShort.county': '县（区）',
  'deputy.levelShort.township': '乡镇',
  'deputy.directory.title': '代表名录',
  'deputy.directory.search': '搜索代表',
  'deputy.directory.searchHint': '可输入姓名、拼音首字母（如 zw）、联络站、代表小组或专长',
  'deputy.directory.level': '代表层级',
  'deputy.directory.station': '联络站',
  'deputy.directory.group': '代表小组',
  'deputy.directory.all': '全部',
  'deputy.directory.count': '共 {count} 位代表',
  'deputy.directory.countFiltered': '找到 {count} 位代表（共 {total} 位）',
  'deputy.directory.none': '没有找到符合条件的代表。请换一个关键词，或清除筛选条件。',
  'deputy.directory.clear': '清除筛选',
  'deputy.directory.more': '显示更多（还有 {count} 位）',
  'deputy.directory.open': '查看{name}代表的详细信息',
} as const;

export type DeputyDirectoryKey = keyof typeof zh;
