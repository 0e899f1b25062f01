/**
 * Everything of saved products and recently viewed that the screens mount, as one chunk loaded
 * when first needed (lazyScreen): the lists' screen, the heart on a product's page, the links on
 * the orders screen. One module, so the first screen's script lists one chunk for all three.
 */
export { SavedScreen } from '../../screens/SavedScreen.tsx';
export { ProductSaved } from './ProductSaved.tsx';
export { MyLists } from './MyLists.tsx';
