import type { ComponentChildren } from 'preact';
import type { Product } from '../../../domain/index.ts';
import { href } from '../../router.ts';
import { ShopPhoto } from '../shop/ShopPhoto.tsx';

/** One of the home's rows of offers (flash sales, team buys): a heading over cards that scroll sideways. */
export function HomeRow({ kind, title, children }: { kind: 'flash' | 'team'; title: string; children: ComponentChildren }) {
  const id = `home-${kind}-title`;
  return (
    <section class="home-part" aria-labelledby={id}>
      <h3 id={id} class={`home-head home-head-${kind}`}>
        {title}
      </h3>
      <ul class="home-row">{children}</ul>
    </section>
  );
}

/** A card of a home row: the product's photo and name (a link to its page), then what the row says of it. */
export function HomeCard({ kind, product, children }: { kind: 'flash' | 'team'; product: Product; children: ComponentChildren }) {
  return (
    <li class={`home-card home-card-${kind}`}>
      <ShopPhoto src={product.photos[0]} alt="" size={56} name={product.name} />
      <div class="home-card-body">
        <a class="home-name" href={href({ name: 'product', id: product.id })}>
          {product.name}
        </a>
        {children}
      </div>
    </li>
  );
}
