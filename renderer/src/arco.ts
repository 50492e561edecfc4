// Arco's static helpers render through ReactDOM.render, which React 19 removed; hand them createRoot. Importing
// `react-19-adapter` instead would be tree-shaken away by the production build.
import { createRoot } from 'react-dom/client';
import { setCreateRoot } from '@arco-design/web-react/es/_util/react-dom';

// Only the styles of the components in use (the whole of Arco's CSS is 62 KiB gzip).
import '@arco-design/web-react/es/Alert/style/css.js';
import '@arco-design/web-react/es/Button/style/css.js';
import '@arco-design/web-react/es/Checkbox/style/css.js';
import '@arco-design/web-react/es/ConfigProvider/style/css.js';
import '@arco-design/web-react/es/Descriptions/style/css.js';
import '@arco-design/web-react/es/Drawer/style/css.js';
import '@arco-design/web-react/es/Empty/style/css.js';
// Form's and List's own styles without the Grid's (their css.js pulls all of it in, 6.6 KiB gzip): a vertical form
// (common/plain-form.tsx writes Arco's Form markup) uses no columns, nor does a List without `grid`.
import '@arco-design/web-react/es/Form/style/index.css';
import '@arco-design/web-react/es/Input/style/css.js';
import '@arco-design/web-react/es/InputNumber/style/css.js';
import '@arco-design/web-react/es/List/style/index.css';
import '@arco-design/web-react/es/Message/style/css.js';
import '@arco-design/web-react/es/Modal/style/css.js';
import '@arco-design/web-react/es/Pagination/style/css.js';
// Popconfirm's brings Tooltip's and Popover's along.
import '@arco-design/web-react/es/Popconfirm/style/css.js';
import '@arco-design/web-react/es/Progress/style/css.js';
import '@arco-design/web-react/es/Radio/style/css.js';
import '@arco-design/web-react/es/Select/style/css.js';
import '@arco-design/web-react/es/Space/style/css.js';
import '@arco-design/web-react/es/Spin/style/css.js';
import '@arco-design/web-react/es/Steps/style/css.js';
import '@arco-design/web-react/es/Tag/style/css.js';
import '@arco-design/web-react/es/Typography/style/css.js';

setCreateRoot(createRoot);
