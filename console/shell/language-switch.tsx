import { GlobalOutlined } from '@ant-design/icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../renderer/i18n/language';
import { switchLanguage } from '../i18n';

/** Each language is named in itself, so anyone can find theirs. */
const OPTIONS: ReadonlyArray<{ value: Language; label: string }> = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className={dark ? 'hq-language hq-language-dark' : 'hq-language'}>
      <label htmlFor={id} className="hq-visually-hidden">
        {t('language.label')}
      </label>
      <GlobalOutlined aria-hidden />
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) switchLanguage(event.target.value);
        }}
      >
        {OPTIONS.map((option) => (
          <option key={option.value} value={option.value} lang={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}
