/** First run: create the store and its first administrator, who is then signed in. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Form } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { setupSchema } from '../../db/api';
import { NumberField, TextField } from '../forms/fields';
import { FormAlert } from '../forms/form-alert';
import { applyDeskError, fieldsOf } from '../forms/server-error';
import { useDeskMutation } from '../use-desk';
import { Screen } from './screen';

/** The confirmation exists only on the screen; the API never sees it. */
const setupFormSchema = setupSchema.extend({ confirmPin: z.string() }).superRefine((value, ctx) => {
  if (value.confirmPin !== value.adminPin)
    ctx.addIssue({ code: 'custom', message: 'pin_mismatch', path: ['confirmPin'] });
});
type SetupForm = z.input<typeof setupFormSchema>;

export function SetupPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const createStore = useDeskMutation('setup.createStore');
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    SetupForm,
    unknown,
    z.output<typeof setupFormSchema>
  >({
    resolver: zodResolver(setupFormSchema),
    defaultValues: { storeCode: '', storeName: '', counterNo: 1, adminName: '', adminPin: '', confirmPin: '' },
  });

  const submit = handleSubmit(async () => {
    const { storeCode, storeName, counterNo, adminName, adminPin } = getValues();
    const result = await createStore.run({ storeCode, storeName, counterNo, adminName, adminPin });
    if (result.ok) onDone();
    else
      applyDeskError(
        result.error,
        setError,
        fieldsOf<SetupForm>('storeCode', 'storeName', 'counterNo', 'adminName', 'adminPin'),
      );
  });

  return (
    <Screen title={t('setup.title')} intro={t('setup.intro')}>
      <Form layout="vertical" onFinish={() => void submit()}>
        <TextField
          control={control}
          name="storeCode"
          id="setup-store-code"
          label={t('setup.storeCode')}
          help={t('setup.storeCodeHelp')}
          required
          autoFocus
          maxLength={10}
        />
        <TextField
          control={control}
          name="storeName"
          id="setup-store-name"
          label={t('setup.storeName')}
          required
          maxLength={60}
        />
        <NumberField
          control={control}
          name="counterNo"
          id="setup-counter-no"
          label={t('setup.counterNo')}
          required
          min={1}
          max={99}
        />
        <TextField
          control={control}
          name="adminName"
          id="setup-admin-name"
          label={t('setup.adminName')}
          required
          maxLength={40}
        />
        <TextField
          control={control}
          name="adminPin"
          id="setup-admin-pin"
          label={t('setup.adminPin')}
          kind="pin"
          required
          maxLength={8}
        />
        <TextField
          control={control}
          name="confirmPin"
          id="setup-confirm-pin"
          label={t('setup.confirmPin')}
          kind="pin"
          required
          maxLength={8}
        />
        <FormAlert errors={formState.errors} />
        <Button type="primary" htmlType="submit" block loading={formState.isSubmitting}>
          {t('setup.submit')}
        </Button>
      </Form>
    </Screen>
  );
}
