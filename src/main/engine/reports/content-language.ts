// The language a comment is written in, for a statement's content_language (ISO 639-1, upper case, as the
// database takes it): English or Hindi, the two languages this newsroom's readers write in, Hindi both in
// Devanagari and in Latin script ("Hinglish"). Anything else, or too little to tell, is unknown and left out.
//
// Why not a library: the well-kept detectors (franc, eld, tinyld, cld) work on a language's usual script, and
// romanised Hindi is not one of them: franc-min calls the demo queue's Hinglish comments Hausa, French,
// Madurese or Swahili. So this counts words: common Hindi function words and particles written in Latin
// letters, against common English ones, and Devanagari letters. Words that are also English (to, he, main,
// do, par, jab, tab, log, me, is, so) are left out of the Hindi list. Measured figures are in the README.

const HINDI_WORDS = new Set(
  (
    'hai hain hoon hun hu ho hota hoti hote hoga hogi honge tha thi nahi nahin nhi kya kyun kyu kyon kaise kaisa kahan ' +
    'yahan wahan kab aur yeh ye woh wo voh toh bhi ka ki ke ko se mein mai mujhe mujhko tum tumhe tumhara tumhari tu tera teri ' +
    'aap aapka aapki hum humko hamara hamari hamare mera meri mere apna apni apne uska uski iska iski unka unki inka inki ' +
    'kar karo karna karte karta karti kiya kiye raha rahe rahi gaya gayi gaye diya diye liya liye sab koi kuch kuchh abhi ' +
    'bahut bohot bhai yaar accha acha sirf wala wale wali lekin magar sahi galat logon logo desh sarkar dekho dekh samajh ' +
    'pata chahiye matlab bas phir fir ek baat bol bolo hoke banda bande isme usme jo jaise waise tak wahi yahi zyada jyada ' +
    'paisa paise ghar kyunki agar warna bilkul haan ji saath baad pehle'
  ).split(' ')
)

const ENGLISH_WORDS = new Set(
  (
    'the and is are was were be been being to of in that it for with this you not on have has had they what but would ' +
    'will just should about an or if their there from by at who which my your can does did than then them we our all more ' +
    'because how when why where only also very even into any some he she his her its these those could been out up'
  ).split(' ')
)

const DEVANAGARI = /[\u0900-\u097F]/gu
const LETTER = /\p{L}/gu
const WORD = /\p{L}+/gu

export type ContentLanguage = 'EN' | 'HI'

/** EN, HI, or null when the text is in neither or too short to tell. */
export function contentLanguage(text: string): ContentLanguage | null {
  const letters = text.match(LETTER)?.length ?? 0
  if (letters === 0) return null
  if ((text.match(DEVANAGARI)?.length ?? 0) / letters >= 0.3) return 'HI'
  let hindi = 0
  let english = 0
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    if (HINDI_WORDS.has(word)) hindi++
    else if (ENGLISH_WORDS.has(word)) english++
  }
  if (hindi >= 2 && hindi >= english) return 'HI'
  if (english >= 2 && english > hindi * 2) return 'EN'
  return null
}
