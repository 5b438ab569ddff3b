// What a presenter deck is, as stored: the database's schema and the deck functions share it.

/** Projector themes. */
export const THEMES = ['light', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];

/** One slide: a view's hash route (`/trends?factories=guangming`), its title and notes. */
export interface Slide {
  url: string;
  title: string;
  notes: string;
  /** Step mode: the slide reveals its series one keypress at a time before the next slide. */
  step?: boolean;
}

export interface Deck {
  id?: number;
  name: string;
  theme: Theme;
  slides: Slide[];
  /** ms since the epoch. */
  updatedAt: number;
}
