/**
 * A believable big catalog for the browser benches, made from word lists with a seeded random
 * source, so every run (and every machine) stores and searches the same products. Runs in the
 * page (no Node imports): the seller commands are decided there, by the domain's `decide`.
 */
import { EVENT_VERSION, type EventId, type Money, type Product, type ProductId, type SaveProduct } from '../../src/domain/index.ts';

/** mulberry32, as `random` in bench/table.ts (which imports Node's perf_hooks, so is not usable here). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Category {
  name: string;
  /** Words that fit this category's things ("Loose Leaf" tea, "Wireless" earbuds). */
  adj: readonly string[];
  sizes: readonly string[];
  nouns: readonly string[];
  /** Chinese nouns of the same things, for the names written in Chinese. */
  zh: readonly string[];
  /** Price range in minor units (fen). */
  price: readonly [number, number];
}

export const CATEGORIES: readonly Category[] = [
  { name: 'Tea', adj: ['Organic', 'Spring', 'Mountain', 'Imperial', 'Aged', 'Smoked', 'Loose Leaf'], sizes: ['50g', '100g', '250g', '500g', 'Gift Box'], nouns: ['Green Tea', 'Oolong', 'Black Tea', 'Pu-erh', 'Jasmine Tea', 'White Tea', 'Tea Bricks', 'Matcha'], zh: ['绿茶', '乌龙茶', '红茶', '普洱茶', '茉莉花茶', '白茶', '龙井'], price: [1500, 68000] },
  { name: 'Teaware', adj: ['Ceramic', 'Glass', 'Clay', 'Porcelain', 'Handmade', 'Travel', 'Celadon'], sizes: ['150ml', '300ml', '1L', '4 pcs', '6 pcs'], nouns: ['Teapot', 'Tea Cup', 'Gaiwan', 'Tea Tray', 'Kettle', 'Strainer', 'Tea Set'], zh: ['茶壶', '茶杯', '盖碗', '茶盘', '水壶', '茶具'], price: [1200, 99000] },
  { name: 'Kitchen', adj: ['Steel', 'Bamboo', 'Non-Stick', 'Cast Iron', 'Wooden', 'Family'], sizes: ['20cm', '28cm', '32cm', '3 pack', '10 pcs'], nouns: ['Wok', 'Cutting Board', 'Chef Knife', 'Rice Cooker', 'Steamer', 'Ladle', 'Chopsticks', 'Bowl Set'], zh: ['炒锅', '砧板', '菜刀', '电饭煲', '蒸笼', '筷子', '碗'], price: [900, 129000] },
  { name: 'Home', adj: ['Cotton', 'Linen', 'Vintage', 'Modern', 'Rustic', 'Velvet', 'Wooden'], sizes: ['S', 'M', 'L', '2 pack'], nouns: ['Lamp', 'Cushion', 'Blanket', 'Vase', 'Mirror', 'Wall Clock', 'Storage Box', 'Curtain'], zh: ['台灯', '靠垫', '毛毯', '花瓶', '镜子', '挂钟', '收纳盒'], price: [1900, 59000] },
  { name: 'Electronics', adj: ['Wireless', 'Portable', 'Smart', 'Fast', 'Compact', 'Noise-Cancelling'], sizes: ['10000mAh', '20000mAh', '65W', 'USB-C', '2 pack'], nouns: ['Earbuds', 'Power Bank', 'Charger', 'Phone Case', 'Speaker', 'Smart Watch', 'Keyboard', 'Mouse'], zh: ['耳机', '充电宝', '充电器', '手机壳', '音箱', '手表', '键盘', '鼠标'], price: [2900, 299000] },
  { name: 'Clothing', adj: ['Cotton', 'Silk', 'Wool', 'Oversized', 'Slim', 'Warm', 'Linen'], sizes: ['XS', 'S', 'M', 'L', 'XL', 'XXL'], nouns: ['T-Shirt', 'Hoodie', 'Jeans', 'Jacket', 'Scarf', 'Socks', 'Dress', 'Sweater'], zh: ['衬衫', '卫衣', '牛仔裤', '外套', '围巾', '袜子', '连衣裙', '毛衣'], price: [1500, 89000] },
  { name: 'Shoes', adj: ['Leather', 'Canvas', 'Breathable', 'Waterproof', 'Lightweight', 'Classic'], sizes: ['36', '38', '40', '42', '44'], nouns: ['Sneakers', 'Sandals', 'Boots', 'Slippers', 'Running Shoes', 'Loafers'], zh: ['运动鞋', '凉鞋', '靴子', '拖鞋', '跑鞋'], price: [2900, 129000] },
  { name: 'Beauty', adj: ['Hydrating', 'Gentle', 'Herbal', 'Brightening', 'Organic', 'Travel'], sizes: ['30ml', '50ml', '100ml', '200ml', '3 pack'], nouns: ['Face Cream', 'Lipstick', 'Sunscreen', 'Shampoo', 'Face Mask', 'Hand Cream', 'Perfume'], zh: ['面霜', '口红', '防晒霜', '洗发水', '面膜', '护手霜', '香水'], price: [1200, 79000] },
  { name: 'Snacks', adj: ['Spicy', 'Sweet', 'Salted', 'Roasted', 'Crispy', 'Honey'], sizes: ['100g', '250g', '500g', '1kg', 'Gift Box'], nouns: ['Sunflower Seeds', 'Dried Mango', 'Beef Jerky', 'Rice Crackers', 'Walnuts', 'Mooncakes', 'Peanuts'], zh: ['瓜子', '芒果干', '牛肉干', '米饼', '核桃', '月饼', '花生'], price: [500, 19900] },
  { name: 'Groceries', adj: ['Premium', 'Organic', 'Fragrant', 'Aged', 'Hand-Pulled', 'Spicy'], sizes: ['500ml', '1L', '500g', '2kg', '5kg'], nouns: ['Rice', 'Noodles', 'Soy Sauce', 'Vinegar', 'Chili Oil', 'Honey', 'Sesame Oil', 'Dumplings'], zh: ['大米', '面条', '酱油', '香醋', '辣椒油', '蜂蜜', '芝麻油', '饺子'], price: [300, 15900] },
  { name: 'Toys', adj: ['Wooden', 'Classic', 'Giant', 'Mini', 'Educational', 'Colourful'], sizes: ['3+', '6+', '100 pcs', '500 pcs', '1000 pcs'], nouns: ['Building Blocks', 'Puzzle', 'Kite', 'Plush Panda', 'Yo-Yo', 'Board Game', 'Robot'], zh: ['积木', '拼图', '风筝', '熊猫玩偶', '棋', '机器人'], price: [900, 49900] },
  { name: 'Books', adj: ['Hardcover', 'Pocket', 'Illustrated', 'Dotted', 'Lined', 'Travel'], sizes: ['A5', 'A4', 'B5', '3 pack'], nouns: ['Notebook', 'Sketchbook', 'Calligraphy Set', 'Planner', 'Cookbook', 'Atlas'], zh: ['笔记本', '素描本', '书法套装', '日程本', '菜谱'], price: [800, 29900] },
  { name: 'Stationery', adj: ['Classic', 'Refillable', 'Pastel', 'Waterproof', 'Retro', 'Fine'], sizes: ['0.5mm', '0.7mm', '12 colours', '24 colours', '5 pack'], nouns: ['Fountain Pen', 'Brush Pen', 'Ink', 'Pencil Case', 'Stickers', 'Washi Tape'], zh: ['钢笔', '毛笔', '墨水', '笔袋', '贴纸', '胶带'], price: [300, 39900] },
  { name: 'Sports', adj: ['Non-Slip', 'Pro', 'Adjustable', 'Lightweight', 'Carbon', 'Insulated'], sizes: ['2kg', '5kg', '6mm', '750ml', '1L'], nouns: ['Yoga Mat', 'Badminton Racket', 'Table Tennis Bat', 'Dumbbells', 'Jump Rope', 'Water Bottle'], zh: ['瑜伽垫', '羽毛球拍', '乒乓球拍', '哑铃', '跳绳', '水杯'], price: [1500, 159000] },
  { name: 'Garden', adj: ['Ceramic', 'Terracotta', 'Self-Watering', 'Miniature', 'Hanging', 'Heirloom'], sizes: ['12cm', '20cm', '30cm', '5 pack'], nouns: ['Flower Pot', 'Bonsai', 'Watering Can', 'Seeds', 'Pruning Shears', 'Planter'], zh: ['花盆', '盆景', '洒水壶', '种子', '剪刀'], price: [600, 89000] },
  { name: 'Baby', adj: ['Soft', 'Organic Cotton', 'Silicone', 'Anti-Colic', 'Washable', 'Cosy'], sizes: ['0-6m', '6-12m', '150ml', '240ml', '3 pack'], nouns: ['Bib', 'Baby Bottle', 'Rattle', 'Romper', 'Baby Blanket', 'Teether'], zh: ['围嘴', '奶瓶', '摇铃', '连体衣', '婴儿毯'], price: [900, 39900] },
  { name: 'Pets', adj: ['Chew-Proof', 'Cosy', 'Reflective', 'Clumping', 'Interactive', 'Washable'], sizes: ['S', 'M', 'L', '5kg', '10kg'], nouns: ['Cat Toy', 'Dog Leash', 'Pet Bed', 'Cat Litter', 'Fish Food', 'Bird Cage'], zh: ['猫玩具', '狗绳', '宠物窝', '猫砂', '鱼食'], price: [500, 59900] },
  { name: 'Bags', adj: ['Leather', 'Canvas', 'Waterproof', 'Vintage', 'Slim', 'Travel'], sizes: ['20L', '30L', '20 inch', '24 inch', 'Mini'], nouns: ['Backpack', 'Tote Bag', 'Wallet', 'Suitcase', 'Crossbody Bag', 'Purse'], zh: ['背包', '手提袋', '钱包', '行李箱', '斜挎包'], price: [1900, 199000] },
  { name: 'Jewellery', adj: ['Hetian', 'Sterling', 'Freshwater', 'Gold-Plated', 'Vintage', 'Lucky'], sizes: ['16cm', '18cm', '45cm', 'Gift Box'], nouns: ['Jade Bracelet', 'Silver Ring', 'Pearl Earrings', 'Necklace', 'Hairpin', 'Pendant'], zh: ['玉镯', '银戒指', '珍珠耳环', '项链', '发簪', '吊坠'], price: [2900, 499000] },
  { name: 'Crafts', adj: ['Red', 'Handmade', 'Traditional', 'Lucky', 'Silk', 'Festival'], sizes: ['Small', 'Large', '2 pack', '10 pack'], nouns: ['Paper Lantern', 'Paper Cut', 'Knot Charm', 'Embroidery Kit', 'Fan', 'Clay Figure'], zh: ['灯笼', '剪纸', '中国结', '刺绣', '扇子', '泥人'], price: [500, 39900] },
];

/** Words that fit anything. */
const ADJECTIVES = ['Premium', 'Classic', 'Deluxe', 'Everyday', 'Family', 'Mini', 'Eco', 'Heritage', 'Lucky', 'Golden'];
const COLOURS = ['Red', 'Blue', 'Green', 'Black', 'White', 'Grey', 'Pink', 'Yellow', 'Navy', 'Beige', 'Brown', 'Purple', 'Teal', 'Orange'];
const ZH_ADJECTIVES = ['有机', '手工', '经典', '高级', '迷你', '便携', '复古', '无线', '竹制', '陶瓷', '纯棉', '真丝', '木质', '不锈钢', '玻璃', '真皮', '新款', '家用', '特级', '正宗'];
const ZH_PLACES = ['杭州', '云南', '福建', '四川', '景德镇', '苏州', '广东', '安徽', '北京', '上海', '宜兴', '武夷山'];
const TAGS = [
  'gift', 'bestseller', 'new', 'sale', 'eco', 'handmade', 'organic', 'imported', 'limited', 'family', 'kids', 'travel',
  'office', 'outdoor', 'festival', 'spring-festival', 'singles-day', 'local', 'vegan', 'durable', 'classic', '礼品', '热卖', '新品',
];

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Product `i` of a catalog made from `seed`: about one in six named in Chinese, one in fifty hidden. */
export function makeProducts(count: number, seed = 20261111): { product: Product; stock: number }[] {
  const rnd = random(seed);
  const out: { product: Product; stock: number }[] = [];
  for (let i = 0; i < count; i++) {
    const cat = pick(rnd, CATEGORIES);
    let name: string;
    if (rnd() < 0.16) {
      name = (rnd() < 0.5 ? pick(rnd, ZH_PLACES) : '') + pick(rnd, ZH_ADJECTIVES) + pick(rnd, cat.zh);
    } else {
      const words = [rnd() < 0.25 ? pick(rnd, ADJECTIVES) : pick(rnd, cat.adj)];
      if (rnd() < 0.3) words.push(pick(rnd, COLOURS));
      words.push(pick(rnd, cat.nouns));
      if (rnd() < 0.35) words.push(pick(rnd, cat.sizes));
      name = words.join(' ');
    }
    const tags = Array.from({ length: Math.floor(rnd() * 4) }, () => pick(rnd, TAGS));
    const [lo, hi] = cat.price;
    // Prices like 19.90 or 128.00: whole yuan, then a common ending.
    const yuan = Math.floor((lo + rnd() * rnd() * (hi - lo)) / 100);
    const price = (yuan * 100 + pick(rnd, [0, 0, 90, 99, 80, 50])) as Money;
    const product: Product = {
      id: `p${String(i).padStart(7, '0')}` as ProductId,
      name,
      description: `${name}. ${cat.name}, shipped from our warehouse within 48 hours.`,
      category: cat.name,
      tags: [...new Set(tags)],
      price,
      photos: [],
      hidden: rnd() < 0.02,
    };
    out.push({ product, stock: rnd() < 0.08 ? 0 : Math.floor(rnd() * 500) });
  }
  return out;
}

/** The seller's `product.save` commands for a catalog, as the seller's device would make them. */
export function saveCommands(products: readonly { product: Product; stock: number }[], at: number): SaveProduct[] {
  return products.map(({ product, stock }, i) => ({
    id: `s-bench-${String(i).padStart(8, '0')}` as EventId,
    v: EVENT_VERSION,
    at,
    type: 'intent',
    by: 'seller',
    kind: 'product.save',
    product,
    stock,
  }));
}

/**
 * What people type: 50 queries, each typed letter by letter (every prefix is one search), from
 * the words above: English words and pairs, Chinese words, a tag, and a few that find nothing.
 */
export const QUERIES: readonly string[] = [
  'tea', 'green tea', 'pot', 'oolong', 'matcha', 'kettle', 'wok', 'knife', 'rice', 'noodle',
  'soy', 'honey', 'lamp', 'vase', 'earbud', 'power', 'charger', 'hoodie', 'jeans', 'scarf',
  'silk', 'boots', 'lipstick', 'walnut', 'puzzle', 'kite', 'pen', 'yoga', 'bonsai', 'bag',
  'jade', 'lantern', 'red', 'cotton', 'gift', 'new', 'mini', 'wool', 'cup', 'bowl',
  '绿茶', '茶壶', '耳机', '杭州', '月饼', '手工', '围巾',
  'xylo', 'zq', 'qqq',
];

/** Searches that find nothing, for the suggestions: misspelt words, a Chinese word not sold, nonsense. */
export const MISSES: readonly string[] = ['choclate', 'greeen tea', 'wirelss earbds', 'tepot', 'lanturn', '红酒', '苹果手机', 'xylophone', 'qqqq', 'zebra silk'];

/** Every prefix of every query, as typed: "g", "gr", "gre", "gree", "green", "green ", "green t", … */
export function keystrokes(queries: readonly string[] = QUERIES): string[] {
  return queries.flatMap((q) => {
    const chars = [...q];
    return chars.map((_, i) => chars.slice(0, i + 1).join(''));
  });
}
