/** Where stock sits: the main store room (made on first use), a second room, a repair van. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Collapse, Form, List, Space } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { locationCreateSchema, type LocationSummary } from '../../../db/api';
import { TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation } from '../../use-desk';

type LocationInput = z.input<typeof locationCreateSchema>;

export function LocationsPanel({ locations }: { locations: ReadonlyArray<LocationSummary> }) {
  const { t } = useTranslation('parts');
  return (
    <Collapse
      style={{ marginTop: 16 }}
      items={[
        {
          key: 'locations',
          label: `${t('location.title')} (${locations.length})`,
          children: (
            <>
              <List size="small" dataSource={[...locations]} renderItem={(l) => <List.Item>{`${l.code} ${l.name}`}</List.Item>} />
              <LocationForm />
            </>
          ),
        },
      ]}
    />
  );
}

function LocationForm() {
  const { t } = useTranslation('parts');
  const create = useDeskMutation('parts.locationCreate');
  const { control, handleSubmit, getValues, setError, reset, formState } = useForm<LocationInput, unknown, z.output<typeof locationCreateSchema>>({
    resolver: zodResolver(locationCreateSchema),
    defaultValues: { code: '', name: '' },
  });
  const submit = handleSubmit(async () => {
    const result = await create.run(getValues());
    if (result.ok) reset();
    else applyDeskError(result.error, setError, fieldsOf<LocationInput>('code', 'name'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()} style={{ marginTop: 16 }}>
      <Space wrap align="end">
        <TextField control={control} name="code" id="location-code" label={t('location.code')} required maxLength={12} placeholder="VAN-1" />
        <TextField control={control} name="name" id="location-name" label={t('location.name')} required maxLength={40} />
        <Form.Item>
          <Button htmlType="submit" loading={formState.isSubmitting}>
            {t('location.new')}
          </Button>
        </Form.Item>
      </Space>
      <FormAlert errors={formState.errors} />
    </Form>
  );
}
