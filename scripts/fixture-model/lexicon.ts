// The fixture model's multilingual lexicon: everyday concepts with one word each in the 15
// languages of the project (XQuAD-R's 11 plus Japanese, Indonesian, Swahili and Nepali).
// Rules the data keeps (checked by validateLexicon): no word is shared by two different
// concepts within a script, and multi-word entries (Vietnamese syllables, "şarkı söylemek")
// use pieces no other concept uses, so every piece means exactly one concept.

export const LEXICON_LANGUAGES = ['en', 'de', 'es', 'ar', 'zh', 'ru', 'hi', 'th', 'tr', 'el', 'vi', 'ja', 'id', 'sw', 'ne'] as const;
export type LexiconLanguage = (typeof LEXICON_LANGUAGES)[number];

/** Languages written without spaces between words. */
export const UNSPACED_LANGUAGES: ReadonlySet<LexiconLanguage> = new Set(['zh', 'ja', 'th']);

export type PartOfSpeech = 'noun' | 'verb' | 'adjective';

export interface Concept {
  id: string;
  pos: PartOfSpeech;
  words: Readonly<Record<LexiconLanguage, string>>;
}

// One row per concept, words in LEXICON_LANGUAGES order:
//        en        de          es         ar       zh      ru          hi        th            tr          el            vi           ja        id          sw          ne
type Row = [id: string, pos: PartOfSpeech, words: string];
const ROWS: Row[] = [
  ['water', 'noun', 'water|Wasser|agua|ماء|水|вода|पानी|น้ำ|su|νερό|nước|水|air|maji|पानी'],
  ['mountain', 'noun', 'mountain|Berg|montaña|جبل|山|гора|पहाड़|ภูเขา|dağ|βουνό|núi|山|gunung|mlima|पहाड'],
  ['river', 'noun', 'river|Fluss|río|نهر|河|река|नदी|แม่น้ำ|nehir|ποτάμι|sông|川|sungai|mto|नदी'],
  ['city', 'noun', 'city|Stadt|ciudad|مدينة|城市|город|शहर|เมือง|şehir|πόλη|thành phố|都市|kota|mji|शहर'],
  ['music', 'noun', 'music|Musik|música|موسيقى|音乐|музыка|संगीत|ดนตรี|müzik|μουσική|âm nhạc|音楽|musik|muziki|संगीत'],
  ['house', 'noun', 'house|Haus|casa|بيت|房子|дом|घर|บ้าน|ev|σπίτι|nhà|家|rumah|nyumba|घर'],
  ['tree', 'noun', 'tree|Baum|árbol|شجرة|树|дерево|पेड़|ต้นไม้|ağaç|δέντρο|cây|木|pohon|mti|रूख'],
  ['sun', 'noun', 'sun|Sonne|sol|شمس|太阳|солнце|सूरज|ดวงอาทิตย์|güneş|ήλιος|mặt trời|太陽|matahari|jua|सूर्य'],
  ['moon', 'noun', 'moon|Mond|luna|قمر|月亮|луна|चाँद|ดวงจันทร์|ay|φεγγάρι|trăng|月|bulan|mwezi|चन्द्रमा'],
  ['star', 'noun', 'star|Stern|estrella|نجمة|星星|звезда|तारा|ดาว|yıldız|αστέρι|sao|星|bintang|nyota|तारा'],
  ['fire', 'noun', 'fire|Feuer|fuego|نار|火|огонь|आग|ไฟ|ateş|φωτιά|lửa|火|api|moto|आगो'],
  ['book', 'noun', 'book|Buch|libro|كتاب|书|книга|किताब|หนังสือ|kitap|βιβλίο|sách|本|buku|kitabu|किताब'],
  ['dog', 'noun', 'dog|Hund|perro|كلب|狗|собака|कुत्ता|หมา|köpek|σκύλος|chó|犬|anjing|mbwa|कुकुर'],
  ['cat', 'noun', 'cat|Katze|gato|قطة|猫|кошка|बिल्ली|แมว|kedi|γάτα|mèo|猫|kucing|paka|बिरालो'],
  ['bird', 'noun', 'bird|Vogel|pájaro|طائر|鸟|птица|पक्षी|นก|kuş|πουλί|chim|鳥|burung|ndege|चरा'],
  ['fish', 'noun', 'fish|Fisch|pez|سمك|鱼|рыба|मछली|ปลา|balık|ψάρι|cá|魚|ikan|samaki|माछा'],
  ['bread', 'noun', 'bread|Brot|pan|خبز|面包|хлеб|रोटी|ขนมปัง|ekmek|ψωμί|bánh mì|パン|roti|mkate|रोटी'],
  ['milk', 'noun', 'milk|Milch|leche|حليب|牛奶|молоко|दूध|นม|süt|γάλα|sữa|牛乳|susu|maziwa|दूध'],
  ['rice', 'noun', 'rice|Reis|arroz|أرز|米饭|рис|चावल|ข้าว|pirinç|ρύζι|cơm|ご飯|nasi|wali|भात'],
  ['apple', 'noun', 'apple|Apfel|manzana|تفاحة|苹果|яблоко|सेब|แอปเปิล|elma|μήλο|táo|りんご|apel|tufaha|स्याउ'],
  ['school', 'noun', 'school|Schule|escuela|مدرسة|学校|школа|विद्यालय|โรงเรียน|okul|σχολείο|trường|学校|sekolah|shule|विद्यालय'],
  ['road', 'noun', 'road|Straße|camino|طريق|路|дорога|सड़क|ถนน|yol|δρόμος|đường|道|jalan|barabara|सडक'],
  ['car', 'noun', 'car|Auto|coche|سيارة|汽车|машина|गाड़ी|รถ|araba|αυτοκίνητο|xe|車|mobil|gari|गाडी'],
  ['boat', 'noun', 'boat|Boot|barco|قارب|船|лодка|नाव|เรือ|tekne|βάρκα|thuyền|船|perahu|mashua|डुङ्गा'],
  ['friend', 'noun', 'friend|Freund|amigo|صديق|朋友|друг|दोस्त|เพื่อน|arkadaş|φίλος|bạn|友達|teman|rafiki|साथी'],
  ['child', 'noun', 'child|Kind|niño|طفل|孩子|ребёнок|बच्चा|เด็ก|çocuk|παιδί|trẻ em|子供|anak|mtoto|बच्चा'],
  ['flower', 'noun', 'flower|Blume|flor|زهرة|花|цветок|फूल|ดอกไม้|çiçek|λουλούδι|hoa|花|bunga|ua|फूल'],
  ['sea', 'noun', 'sea|Meer|mar|بحر|海|море|समुद्र|ทะเล|deniz|θάλασσα|biển|海|laut|bahari|समुद्र'],
  ['rain', 'noun', 'rain|Regen|lluvia|مطر|雨|дождь|बारिश|ฝน|yağmur|βροχή|mưa|雨|hujan|mvua|वर्षा'],
  ['snow', 'noun', 'snow|Schnee|nieve|ثلج|雪|снег|बर्फ़|หิมะ|kar|χιόνι|tuyết|雪|salju|theluji|हिउँ'],
  ['wind', 'noun', 'wind|Wind|viento|ريح|风|ветер|हवा|ลม|rüzgar|άνεμος|gió|風|angin|upepo|हावा'],
  ['stone', 'noun', 'stone|Stein|piedra|حجر|石头|камень|पत्थर|หิน|taş|πέτρα|đá|石|batu|jiwe|ढुङ्गा'],
  ['forest', 'noun', 'forest|Wald|bosque|غابة|森林|лес|जंगल|ป่า|orman|δάσος|rừng|森|hutan|msitu|जङ्गल'],
  ['bridge', 'noun', 'bridge|Brücke|puente|جسر|桥|мост|पुल|สะพาน|köprü|γέφυρα|cầu|橋|jembatan|daraja|पुल'],
  ['king', 'noun', 'king|König|rey|ملك|国王|король|राजा|กษัตริย์|kral|βασιλιάς|vua|王|raja|mfalme|राजा'],
  ['gold', 'noun', 'gold|Gold|oro|ذهب|金子|золото|सोना|ทอง|altın|χρυσός|vàng|金|emas|dhahabu|सुन'],
  ['door', 'noun', 'door|Tür|puerta|باب|门|дверь|दरवाज़ा|ประตู|kapı|πόρτα|cửa|ドア|pintu|mlango|ढोका'],
  ['table', 'noun', 'table|Tisch|mesa|طاولة|桌子|стол|मेज़|โต๊ะ|masa|τραπέζι|bàn|机|meja|meza|टेबल'],
  ['night', 'noun', 'night|Nacht|noche|ليل|夜|ночь|रात|กลางคืน|gece|νύχτα|đêm|夜|malam|usiku|रात'],
  ['island', 'noun', 'island|Insel|isla|جزيرة|岛|остров|द्वीप|เกาะ|ada|νησί|đảo|島|pulau|kisiwa|टापु'],
  ['horse', 'noun', 'horse|Pferd|caballo|حصان|马|лошадь|घोड़ा|ม้า|at|άλογο|ngựa|馬|kuda|farasi|घोडा'],
  ['egg', 'noun', 'egg|Ei|huevo|بيضة|鸡蛋|яйцо|अंडा|ไข่|yumurta|αβγό|trứng|卵|telur|yai|अण्डा'],
  ['salt', 'noun', 'salt|Salz|sal|ملح|盐|соль|नमक|เกลือ|tuz|αλάτι|muối|塩|garam|chumvi|नुन'],
  ['tea', 'noun', 'tea|Tee|té|شاي|茶|чай|चाय|ชา|çay|τσάι|trà|お茶|teh|chai|चिया'],
  ['village', 'noun', 'village|Dorf|pueblo|قرية|村庄|деревня|गाँव|หมู่บ้าน|köy|χωριό|làng|村|desa|kijiji|गाउँ'],
  ['doctor', 'noun', 'doctor|Arzt|médico|طبيب|医生|врач|डॉक्टर|หมอ|doktor|γιατρός|bác sĩ|医者|dokter|daktari|डाक्टर'],
  ['teacher', 'noun', 'teacher|Lehrer|maestro|معلم|老师|учитель|शिक्षक|ครู|öğretmen|δάσκαλος|giáo viên|先生|guru|mwalimu|शिक्षक'],
  ['work', 'noun', 'work|Arbeit|trabajo|عمل|工作|работа|काम|งาน|iş|δουλειά|việc|仕事|pekerjaan|kazi|काम'],
  ['eat', 'verb', 'eat|essen|comer|يأكل|吃|есть|खाना|กิน|yemek|τρώω|ăn|食べる|makan|kula|खानु'],
  ['drink', 'verb', 'drink|trinken|beber|يشرب|喝|пить|पीना|ดื่ม|içmek|πίνω|uống|飲む|minum|kunywa|पिउनु'],
  ['see', 'verb', 'see|sehen|ver|يرى|看|видеть|देखना|เห็น|görmek|βλέπω|thấy|見る|melihat|kuona|हेर्नु'],
  ['read', 'verb', 'read|lesen|leer|يقرأ|读|читать|पढ़ना|อ่าน|okumak|διαβάζω|đọc|読む|membaca|kusoma|पढ्नु'],
  ['write', 'verb', 'write|schreiben|escribir|يكتب|写|писать|लिखना|เขียน|yazmak|γράφω|viết|書く|menulis|kuandika|लेख्नु'],
  ['sing', 'verb', 'sing|singen|cantar|يغني|唱歌|петь|गाना|ร้องเพลง|şarkı söylemek|τραγουδώ|hát|歌う|bernyanyi|kuimba|गाउनु'],
  ['walk', 'verb', 'walk|gehen|caminar|يمشي|走|ходить|चलना|เดิน|yürümek|περπατώ|đi bộ|歩く|berjalan|kutembea|हिँड्नु'],
  ['run', 'verb', 'run|laufen|correr|يجري|跑|бежать|दौड़ना|วิ่ง|koşmak|τρέχω|chạy|走る|berlari|kukimbia|दौडनु'],
  ['swim', 'verb', 'swim|schwimmen|nadar|يسبح|游泳|плавать|तैरना|ว่ายน้ำ|yüzmek|κολυμπώ|bơi|泳ぐ|berenang|kuogelea|पौडनु'],
  ['love', 'verb', 'love|lieben|amar|يحب|爱|любить|प्यार|รัก|sevmek|αγαπώ|yêu|愛する|mencintai|kupenda|माया'],
  ['buy', 'verb', 'buy|kaufen|comprar|يشتري|买|покупать|खरीदना|ซื้อ|satın almak|αγοράζω|mua|買う|membeli|kununua|किन्नु'],
  ['learn', 'verb', 'learn|lernen|aprender|يتعلم|学习|учиться|सीखना|เรียน|öğrenmek|μαθαίνω|học|学ぶ|belajar|kujifunza|सिक्नु'],
  ['big', 'adjective', 'big|groß|grande|كبير|大|большой|बड़ा|ใหญ่|büyük|μεγάλος|lớn|大きい|besar|kubwa|ठूलो'],
  ['small', 'adjective', 'small|klein|pequeño|صغير|小|маленький|छोटा|เล็ก|küçük|μικρός|nhỏ|小さい|kecil|ndogo|सानो'],
  ['red', 'adjective', 'red|rot|rojo|أحمر|红|красный|लाल|แดง|kırmızı|κόκκινος|đỏ|赤い|merah|nyekundu|रातो'],
  ['blue', 'adjective', 'blue|blau|azul|أزرق|蓝|синий|नीला|น้ำเงิน|mavi|μπλε|xanh|青い|biru|bluu|नीलो'],
  ['white', 'adjective', 'white|weiß|blanco|أبيض|白|белый|सफ़ेद|ขาว|beyaz|άσπρος|trắng|白い|putih|nyeupe|सेतो'],
  ['black', 'adjective', 'black|schwarz|negro|أسود|黑|чёрный|काला|ดำ|siyah|μαύρος|đen|黒い|hitam|nyeusi|कालो'],
  ['new', 'adjective', 'new|neu|nuevo|جديد|新|новый|नया|ใหม่|yeni|καινούργιος|mới|新しい|baru|mpya|नयाँ'],
  ['good', 'adjective', 'good|gut|bueno|جيد|好|хороший|अच्छा|ดี|iyi|καλός|tốt|良い|baik|nzuri|राम्रो'],
  ['cold', 'adjective', 'cold|kalt|frío|بارد|冷|холодный|ठंडा|หนาว|soğuk|κρύος|lạnh|寒い|dingin|baridi|चिसो'],
  ['happy', 'adjective', 'happy|glücklich|feliz|سعيد|快乐|счастливый|खुश|มีความสุข|mutlu|ευτυχισμένος|vui|幸せ|bahagia|furaha|खुसी'],
];

export const LEXICON: readonly Concept[] = ROWS.map(([id, pos, words]) => {
  const parts = words.split('|');
  if (parts.length !== LEXICON_LANGUAGES.length) {
    throw new Error(`lexicon.ts concept "${id}": expected ${LEXICON_LANGUAGES.length} words, got ${parts.length}`);
  }
  const record = Object.fromEntries(LEXICON_LANGUAGES.map((lang, i) => [lang, parts[i].normalize('NFC')]));
  return { id, pos, words: record as Record<LexiconLanguage, string> };
});

export function findConcept(id: string): Concept {
  const concept = LEXICON.find((c) => c.id === id);
  if (!concept) throw new Error(`unknown lexicon concept "${id}"`);
  return concept;
}
