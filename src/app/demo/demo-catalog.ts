import {
  DAY, HOUR, type Combination, type CombinationId, type CombinationStock, type Money, type OptionValueId, type PickupPointId, type Product, type ProductId, type Promotion, type PromotionId,
  type ShippingOptionId, type ShopProfile,
} from '../../domain/index.ts';

/**
 * The demo shop: a believable corner shop of a few dozen goods, with pictures from Fluent
 * Emoji (public/photos/, MIT). Times are relative to the first start, so the flash sale
 * always counts down for a new visitor.
 */
export const DEMO_SHOP: ShopProfile = {
  name: 'Corner Shop 街角小店',
  currency: 'CNY',
  policies: { autoConfirmDaysShipped: 10, autoConfirmDaysPickup: 7, refundWindowDays: 7, compensationMultiple: 3, demoTopUps: true },
  pickupPoints: [
    { id: 'kiosk-north' as PickupPointId, name: 'North Gate Kiosk 北门驿站', address: '1 North Gate Road' },
    { id: 'metro-b' as PickupPointId, name: 'Metro Exit B Lockers 地铁B口柜', address: 'Line 2, Exit B' },
  ],
  shippingOptions: [
    { id: 'standard' as ShippingOptionId, name: 'Standard 普通快递 (2–3 days)', fee: 800 as Money },
    { id: 'express' as ShippingOptionId, name: 'Express 次日达 (next day)', fee: 1500 as Money },
  ],
};

type Row = [id: string, name: string, category: string, price: number, stock: number, tags: string, description: string];

const ROWS: Row[] = [
  ['red-apple', 'Fuji apples 富士苹果 (1 kg)', 'Fruit', 1290, 40, 'fresh crisp', 'Crisp, sweet apples from Yantai orchards.'],
  ['tangerine', 'Tangerines 砂糖橘 (1 kg)', 'Fruit', 990, 60, 'fresh citrus', 'Small, seedless and sugar-sweet.'],
  ['grapes', 'Kyoho grapes 巨峰葡萄 (500 g)', 'Fruit', 1590, 25, 'fresh', 'Dark, juicy, full of flavour.'],
  ['watermelon', 'Watermelon 麒麟西瓜', 'Fruit', 2500, 12, 'fresh summer', 'A whole melon, about 4 kg.'],
  ['strawberry', 'Strawberries 草莓 (250 g)', 'Fruit', 1990, 30, 'fresh', 'Picked this morning.'],
  ['peach', 'Honey peaches 水蜜桃 (4)', 'Fruit', 1800, 20, 'fresh', 'Soft, fragrant Wuxi peaches.'],
  ['mango', 'Mangoes 芒果 (2)', 'Fruit', 1200, 35, 'fresh tropical', 'Hainan mangoes, ripe in two days.'],
  ['banana', 'Bananas 香蕉 (1 kg)', 'Fruit', 690, 50, 'fresh', 'A good bunch for the week.'],
  ['cookie', 'Butter cookies 黄油曲奇', 'Snacks', 2890, 30, 'sweet gift', 'A tin of Danish-style butter cookies.'],
  ['chocolate-bar', 'Dark chocolate 黑巧克力', 'Snacks', 1590, 45, 'sweet', '70% cocoa, 100 g.'],
  ['doughnut', 'Doughnuts 甜甜圈 (6)', 'Snacks', 2400, 15, 'sweet bakery', 'Glazed, baked today.'],
  ['popcorn', 'Caramel popcorn 焦糖爆米花', 'Snacks', 990, 40, 'sweet movie', 'A big bag for film night.'],
  ['rice-cracker', 'Rice crackers 仙贝', 'Snacks', 890, 50, 'savoury', 'Crunchy, lightly salted.'],
  ['dumpling', 'Frozen dumplings 速冻水饺 (50)', 'Snacks', 3600, 40, 'frozen team', 'Pork and cabbage. Team up for a better price.'],
  ['moon-cake', 'Moon cakes 月饼 gift box', 'Snacks', 8800, 20, 'gift festival', 'Six lotus-seed moon cakes in a gift box.'],
  ['teacup-without-handle', 'Longjing green tea 龙井茶 (100 g)', 'Tea & Coffee', 6800, 25, 'tea green', 'Spring-picked West Lake Longjing.'],
  ['hot-beverage', 'Yunnan coffee beans 云南咖啡豆', 'Tea & Coffee', 5900, 20, 'coffee', 'Medium roast, 250 g.'],
  ['bubble-tea', 'Bubble tea kit 奶茶套装', 'Tea & Coffee', 3900, 30, 'tea sweet', 'Tapioca pearls, tea and syrup for 8 cups.'],
  ['teapot', 'Yixing clay teapot 紫砂壶', 'Home', 19900, 6, 'tea gift', 'Handmade purple-clay pot, 200 ml.'],
  ['potted-plant', 'Money plant 绿萝', 'Home', 2900, 18, 'plant', 'Easy to keep, cleans the air.'],
  ['candle', 'Scented candle 香薰蜡烛', 'Home', 3900, 25, 'gift', 'Osmanthus scent, 40 hours.'],
  ['soap', 'Handmade soap 手工皂', 'Home', 1500, 40, 'bath', 'Olive oil and green tea.'],
  ['umbrella', 'Folding umbrella 折叠伞', 'Home', 4900, 22, 'rain', 'Wind-proof, fits in a bag.'],
  ['red-paper-lantern', 'Red lanterns 红灯笼 (pair)', 'Home', 3500, 15, 'festival', 'For the door at New Year.'],
  ['mobile-phone', 'Pocket phone 口袋手机', 'Electronics', 99900, 20, 'phone flash', 'A small, fast phone. Flash sale on first start.'],
  ['headphone', 'Wireless headphones 无线耳机', 'Electronics', 29900, 15, 'audio', 'Noise cancelling, 30 h battery.'],
  ['laptop', 'Light laptop 轻薄笔记本', 'Electronics', 459900, 4, 'computer', '13 inch, 1.1 kg.'],
  ['camera', 'Instant camera 拍立得', 'Electronics', 59900, 8, 'photo gift', 'Prints in a minute.'],
  ['battery', 'Power bank 充电宝', 'Electronics', 9900, 30, 'phone', '10,000 mAh, charges a phone three times.'],
  ['watch', 'Smart watch 智能手表', 'Electronics', 69900, 10, 'fitness', 'Steps, sleep and heart rate.'],
  ['teddy-bear', 'Teddy bear 泰迪熊', 'Toys', 6900, 14, 'gift kids', 'Soft, 40 cm.'],
  ['kite', 'Swallow kite 燕子风筝', 'Toys', 3900, 10, 'outdoor kids', 'Weifang-style, with 100 m of line.'],
  ['puzzle-piece', 'Jigsaw puzzle 拼图 (1000)', 'Toys', 5900, 12, 'family', 'The Great Wall in 1000 pieces.'],
  ['yo-yo', 'Yo-yo 溜溜球', 'Toys', 1900, 30, 'kids', 'Metal bearing, long spins.'],
  ['t-shirt', 'Cotton T-shirt 纯棉T恤', 'Clothing', 5900, 40, 'summer', 'Heavy cotton, four colours.'],
  ['running-shoe', 'Running shoes 跑鞋', 'Clothing', 29900, 16, 'sport', 'Light and cushioned.'],
  ['scarf', 'Silk scarf 真丝围巾', 'Clothing', 15900, 10, 'gift silk', 'Hangzhou silk, 90 cm square.'],
  ['socks', 'Wool socks 羊毛袜 (3 pairs)', 'Clothing', 4900, 35, 'winter', 'Warm and soft.'],
  ['billed-cap', 'Baseball cap 棒球帽', 'Clothing', 3900, 25, 'summer sport', 'Adjustable, cotton.'],
  ['gloves', 'Knitted gloves 针织手套', 'Clothing', 3500, 20, 'winter', 'Touch-screen fingertips.'],
];

export const TEAM_PRODUCT = 'dumpling' as ProductId;
/** The demo's product with options (issue 13): oolong by weight and pack, each combination its own price and stock. */
export const OPTIONS_PRODUCT = 'oolong' as ProductId;
export const FLASH_PRODUCT = 'mobile-phone' as ProductId;
export const TEAPOT = 'teapot' as ProductId;

const v = (id: string) => id as OptionValueId;
const combo = (id: string, values: string[], price: number, photo?: string): Combination =>
  ({ id: id as CombinationId, values: values.map(v), price: price as Money, sold: true, ...(photo === undefined ? {} : { photo }) });

/**
 * Oolong by weight and pack: the values' words in both languages as the demo's names are. The
 * 250 g gift tin is sold out, so the product page shows a value that leads to nothing in stock.
 */
function oolong(): { product: Product; stock: number; stocks: CombinationStock[] } {
  const product: Product = {
    id: OPTIONS_PRODUCT,
    name: 'Tieguanyin oolong 铁观音',
    description: 'Anxi oolong, rolled by hand. Choose the weight and the pack.',
    category: 'Tea & Coffee',
    tags: ['tea', 'oolong', 'gift'],
    price: 3800 as Money,
    photos: ['photos/teacup-without-handle.svg'],
    hidden: false,
    options: [
      { name: 'Weight 重量', values: [{ id: v('100g'), name: '100 g' }, { id: v('250g'), name: '250 g' }, { id: v('500g'), name: '500 g' }] },
      { name: 'Pack 包装', values: [{ id: v('bag'), name: 'Bag 袋装' }, { id: v('tin'), name: 'Gift tin 礼盒' }] },
    ],
    combinations: [
      combo('100g-bag', ['100g', 'bag'], 3800),
      combo('100g-tin', ['100g', 'tin'], 5800, 'photos/moon-cake.svg'),
      combo('250g-bag', ['250g', 'bag'], 8800),
      combo('250g-tin', ['250g', 'tin'], 10800, 'photos/moon-cake.svg'),
      combo('500g-bag', ['500g', 'bag'], 16800),
    ],
  };
  const stocks = [['100g-bag', 30], ['100g-tin', 12], ['250g-bag', 20], ['250g-tin', 0], ['500g-bag', 8]] as const;
  return { product, stock: 0, stocks: stocks.map(([c, stock]) => ({ combination: c as CombinationId, stock })) };
}

/** The demo's products with their stock (each combination's, for one with options), as of `startedAt` (the visitor's first start). */
export function demoProducts(startedAt: number): { product: Product; stock: number; stocks?: CombinationStock[] }[] {
  return [...plainProducts(startedAt), oolong()];
}

function plainProducts(startedAt: number): { product: Product; stock: number }[] {
  return ROWS.map(([id, name, category, price, stock, tags, description]) => {
    const product: Product = {
      id: id as ProductId,
      name,
      description,
      category,
      tags: tags.split(' '),
      price: price as Money,
      photos: [`photos/${id}.svg`],
      hidden: false,
    };
    if (id === TEAM_PRODUCT) product.team = { price: 2600 as Money, size: 3, windowHours: 24 };
    if (id === TEAPOT) product.team = { price: 15900 as Money, size: 2, windowHours: 48 };
    if (id === FLASH_PRODUCT) {
      product.flash = { price: 49900 as Money, startsAt: startedAt + 5 * 60_000, endsAt: startedAt + 2 * DAY, stock: 3, perBuyerLimit: 2 };
    }
    return { product, stock };
  });
}

export function demoPromotions(startedAt: number): Promotion[] {
  return [
    { id: 'spend-200' as PromotionId, kind: 'threshold', label: 'Spend ¥200, save ¥30 满200减30', spend: 20000 as Money, save: 3000 as Money, repeat: false, active: true },
    {
      id: 'welcome-10' as PromotionId,
      kind: 'coupon',
      code: 'WELCOME10',
      label: '¥10 off your first order over ¥50 首单满50减10',
      save: { kind: 'amount', amount: 1000 as Money },
      minSpend: 5000 as Money,
      startsAt: startedAt - HOUR,
      endsAt: startedAt + 30 * DAY,
      perBuyerLimit: 1,
      active: true,
    },
  ];
}

export { DEMO_BUYERS } from './demo-buyers.ts';
export const DEMO_WELCOME_CREDIT = 50000 as Money;
/** The seller's note on that credit (the demo's data, in both languages as its names are). */
export const DEMO_WELCOME_NOTE = 'Demo welcome credit 演示欢迎金';
