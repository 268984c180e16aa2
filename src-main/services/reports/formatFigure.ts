// The one formatting of figures lives with the definitions (the page uses it too).
export { formatFigure } from '../../../src-shared/domain/metrics/display';
