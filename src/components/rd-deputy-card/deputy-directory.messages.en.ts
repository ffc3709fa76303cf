// English strings of the deputy card's directory: loaded only when it is shown in English.
import type { DeputyDirectoryKey } from './deputy-directory.messages.js';

export const en: Record<DeputyDirectoryKey, string> = {
  'deputy.levelShort.national': 'National',
  'deputy.levelShort.provincial': 'Provincial',
  'deputy.levelShort.municipal': 'City / prefecture',
  'deputy.levelShort.county': 'County / district',
  'deputy.levelShort.township': 'Township',
  'deputy.directory.title': 'Directory of deputies',
  'deputy.directory.search': 'Search deputies',
  'deputy.directory.searchHint': 'Name, pinyin initials (for example zw), liaison station, group or expertise',
  'deputy.directory.level': 'Level',
  'deputy.directory.station': 'Liaison station',
  'deputy.directory.group': 'Group',
  'deputy.directory.all': 'All',
  'deputy.directory.count': '{count} deputies',
  'deputy.directory.countFiltered': '{count} of {total} deputies found',
  'deputy.directory.none': 'No deputies match. Try another word, or clear the filters.',
  'deputy.directory.clear': 'Clear filters',
  'deputy.directory.more': 'Show more ({count} more)',
  'deputy.directory.open': 'View details of deputy {name}',
};
