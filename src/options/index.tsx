// Options entry: localise the document, then render the settings into #app.
import { render } from 'preact';
import { EDITION_TAGS } from '../site/editions';
import { localiseDocument } from '../ui/i18n';
import { Options } from './Options';

localiseDocument(document, 'optionsTitle');
const root = document.getElementById('app');
if (root) render(<Options editions={EDITION_TAGS} />, root);
