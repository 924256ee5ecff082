/** Which language the UI starts in, and remembering the counter's choice. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'counterdesk.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

/** i18next's language as one of ours (English for anything else). */
export function currentLanguage(language: string): Language {
  return isLanguage(language) ? language : 'en';
}

function savedLanguage(): Language | null {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : null;
  } catch {
    return null;
  }
}

export function saveLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be disabled; the choice then lasts until the window closes.
  }
}

/** A language forced by setting or environment wins, then the saved choice, then the system's. */
export function initialLanguage(forced: Language | null): Language {
  return forced ?? savedLanguage() ?? (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
}
