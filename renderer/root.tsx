import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { AppFlow } from './app-flow';
import { currentLanguage } from './i18n';
import { PrintOrApp } from './print/print-or-app';

/** antd's own texts (pagination, empty states, modals) follow the UI language. */
export function Root() {
  const { i18n } = useTranslation();
  const locale = currentLanguage(i18n.language) === 'zh-CN' ? zhCN : enUS;
  return (
    <ConfigProvider
      locale={locale}
      // antd spaces out two-character Chinese labels ("保 存"), which changes their accessible names.
      button={{ autoInsertSpace: false }}
      // The font list styles.css sets, bundled CJK face included, for antd's own components too.
      theme={{ token: { fontFamily: 'var(--cd-font-family)' } }}
    >
      <AntApp style={{ height: '100%' }}>
        <PrintOrApp>
          <AppFlow />
        </PrintOrApp>
      </AntApp>
    </ConfigProvider>
  );
}
