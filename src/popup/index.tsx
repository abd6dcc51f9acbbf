// Popup entry: localise the document, then render into the page's #app.
import { render } from 'preact';
import { localiseDocument } from '../ui/i18n';
import { Popup } from './Popup';

localiseDocument(document, 'popupTitle');
const root = document.getElementById('app');
if (root) render(<Popup />, root);
