// The interface's words in each language, as view models are given them.
import { translate, type Translate } from '../../src/lib/i18n/translate';

export const en: Translate = (key, params) => translate('en', key, params);
export const zh: Translate = (key, params) => translate('zh', key, params);
