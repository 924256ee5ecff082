/** Stores and PCs: the list at /stores, one store at /stores/<code>. */
import { useParams } from 'react-router';
import { StoreDetailView } from './store-detail';
import { StoreList } from './store-list';

export default function StoresPage() {
  const code = useParams()['*']?.split('/')[0] ?? '';
  return code ? <StoreDetailView key={code} code={code} /> : <StoreList />;
}
