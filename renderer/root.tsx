import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { AppFlow } from './app-flow';
import { currentLanguage } from './i18n';
import { PrintOrApp } from './print/print-or-app';

/**
 * The font list styles.css sets (bundled CJK face included) for antd's own components too, and
 * colours that reach WCAG AA (4.5:1) on white, on the light blue of a selected item and on the
 * grey page background: antd's default blue (#1677ff, 4.1:1 under white text), its 45% black for
 * secondary text (3.3:1 on grey) and its 25% black placeholders (1.8:1) do not.
 */
const THEME: ThemeConfig = {
  token: {
    fontFamily: 'var(--cd-font-family)',
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    // A select's placeholder ("Any type") is its only visible label, so it must be read as text.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorSuccess: '#237804',
    colorWarning: '#874d00',
    // The dark warning seed would tint warning alerts brown; they keep antd's light yellow.
    colorWarningBg: '#fffbe6',
    colorWarningBgHover: '#fff1b8',
    colorWarningBorder: '#ffe58f',
    colorError: '#cf1322',
  },
};

/** antd's own texts (pagination, empty states, modals) follow the UI language. */
export function Root() {
  const { i18n } = useTranslation();
  const locale = currentLanguage(i18n.language) === 'zh-CN' ? zhCN : enUS;
  return (
    <ConfigProvider
      locale={locale}
      // antd spaces out two-character Chinese labels ("保 存"), which changes their accessible names.
      button={{ autoInsertSpace: false }}
      theme={THEME}
    >
      <AntApp style={{ height: '100%' }}>
        <PrintOrApp>
          <AppFlow />
        </PrintOrApp>
      </AntApp>
    </ConfigProvider>
  );
}
