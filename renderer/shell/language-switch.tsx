import { GlobalOutlined } from '@ant-design/icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, switchLanguage } from '../i18n';
import { isLanguage, type Language } from '../i18n/language';

/** Each language is named in itself, so anyone can find theirs. */
const OPTIONS: ReadonlyArray<{ value: Language; label: string }> = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

/** A native <select>: the plainest control there is for keyboards, screen readers and tests. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className="cd-language">
      <label htmlFor={id} className="cd-visually-hidden">
        {t('language.label')}
      </label>
      <GlobalOutlined aria-hidden />
      <select
        id={id}
        value={currentLanguage(i18n.language)}
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
