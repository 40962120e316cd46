/**
 * The knee map's regions. Ids are exactly the answer vocabulary's `painLocation` values (spec/assessment.md),
 * so what a runner taps is what the engine and the journal store. The long labels are the questionnaire's own
 * option labels; the short ones fit on the drawing.
 *
 * The drawing shows a RIGHT knee: from the front as you look down at it, and from behind as someone standing
 * behind you sees it. In both views the inner side is on the left. Labels say "inner"/"outer" in words, so a
 * runner with a left knee is never asked to mirror the picture in their head.
 */
import { PAIN_LOCATIONS, type PainLocation } from '../../../src/domain/assessment/answer-keys.ts';
import { QUESTIONS } from '../../../src/domain/assessment/questions.catalog.ts';

export type KneeView = 'front' | 'back';

/** The leg is drawn in x 18–142; labels need room either side. */
export const VIEW_BOX = '-64 0 288 240';

export interface RegionShape {
  region: PainLocation;
  /** SVG path; the leg spans x 18–142, y 0–240 (the view box adds room for labels either side). */
  d: string;
  /** Where the short label and the tick sit. */
  labelAt: { x: number; y: number; anchor: 'start' | 'middle' | 'end' };
  tickAt: { x: number; y: number };
  /** Only one shape per region is a keyboard stop; the others answer clicks (the same choice, mirrored). */
  primary: boolean;
}

const optionLabels = new Map((QUESTIONS.painLocation.options ?? []).map((o) => [o.value, o.label]));

/** The questionnaire's own wording for a region, e.g. "Outer side of the knee". */
export function regionLabel(region: PainLocation): string {
  return optionLabels.get(region) ?? region;
}

export const REGION_SHORT: Record<PainLocation, string> = {
  anterior: 'Kneecap',
  'inferior-patellar': 'Below kneecap',
  medial: 'Inner side',
  lateral: 'Outer side',
  posterior: 'Back of knee',
  diffuse: 'All over',
};

export const ALL_REGIONS: readonly PainLocation[] = PAIN_LOCATIONS;

/** The leg's outline in each view: thigh narrowing to the knee, then the shin (front) or calf (back). */
export const LEG_OUTLINE: Record<KneeView, string> = {
  front:
    'M17.9,0 L142.1,0 C140.8,55 138.1,88 135.3,108 C140.8,132 135.3,156 124.6,176 C120.5,200 119.2,222 117.8,240 L42.2,240 C40.8,222 39.5,200 35.4,176 C24.6,156 19.2,132 24.6,108 C21.9,88 19.2,55 17.9,0 Z',
  back: 'M17.9,0 L142.1,0 C140.8,55 138.1,88 135.3,108 C139.4,130 139.4,150 139.4,172 C138.1,198 128.6,222 120.5,240 L39.5,240 C31.4,222 21.9,198 20.6,172 C20.6,150 20.6,130 24.6,108 C21.9,88 19.2,55 17.9,0 Z',
};

/** Non-interactive anatomy lines that make the drawing read as a knee (tendons, joint line, calf). */
export const LANDMARKS: Record<KneeView, string[]> = {
  front: [
    'M31.4,146 C53,150 107,150 128.6,146',
    'M55.7,60 C66.5,80 71.9,92 74.6,94',
    'M104.3,60 C93.5,80 88.1,92 85.4,94',
  ],
  back: [
    'M31.4,128 C53,132 107,132 128.6,128',
    'M53,40 C55.7,70 53,95 50.3,112',
    'M107,40 C104.3,70 107,95 109.7,112',
    'M50.3,176 C61.1,200 69.2,214 77.3,232',
    'M109.7,176 C98.9,200 90.8,214 82.7,232',
  ],
};

export const REGION_SHAPES: Record<KneeView, RegionShape[]> = {
  front: [
    {
      region: 'anterior',
      d: 'M80,93 C95,93 104,106 104,120 C104,135 95,147 80,147 C65,147 56,135 56,120 C56,106 65,93 80,93 Z',
      labelAt: { x: 80, y: 84, anchor: 'middle' },
      tickAt: { x: 80, y: 120 },
      primary: true,
    },
    {
      region: 'inferior-patellar',
      d: 'M70,151 L90,151 C93,166 96,178 98,190 C92,197 68,197 62,190 C64,178 67,166 70,151 Z',
      labelAt: { x: 80, y: 212, anchor: 'middle' },
      tickAt: { x: 80, y: 174 },
      primary: true,
    },
    {
      region: 'medial',
      d: 'M27.3,104 L47.6,100 C42.2,116 42.2,140 50.3,160 C53,168 53,172 50.3,178 L36.8,180 C26,160 20.6,130 27.3,104 Z',
      labelAt: { x: 12.5, y: 140, anchor: 'end' },
      tickAt: { x: 38.1, y: 140 },
      primary: true,
    },
    {
      region: 'lateral',
      d: 'M132.7,104 L112.4,100 C117.8,116 117.8,140 109.7,160 C107,168 107,172 109.7,178 L123.2,180 C134,160 139.4,130 132.7,104 Z',
      labelAt: { x: 147.5, y: 140, anchor: 'start' },
      tickAt: { x: 121.8, y: 140 },
      primary: true,
    },
  ],
  back: [
    {
      region: 'posterior',
      d: 'M80,94 C90.8,104 107,116 112.4,130 C107,144 90.8,158 80,168 C69.2,158 53,144 47.6,130 C53,116 69.2,104 80,94 Z',
      labelAt: { x: 80, y: 86, anchor: 'middle' },
      tickAt: { x: 80, y: 131 },
      primary: true,
    },
    {
      region: 'medial',
      d: 'M27.3,104 L44.9,102 C40.8,118 39.5,140 44.9,160 L34.1,176 C23.3,158 20.6,130 27.3,104 Z',
      labelAt: { x: 12.5, y: 140, anchor: 'end' },
      tickAt: { x: 34.1, y: 140 },
      primary: false,
    },
    {
      region: 'lateral',
      d: 'M132.7,104 L115.1,102 C119.2,118 120.5,140 115.1,160 L125.9,176 C136.7,158 139.4,130 132.7,104 Z',
      labelAt: { x: 147.5, y: 140, anchor: 'start' },
      tickAt: { x: 125.9, y: 140 },
      primary: false,
    },
  ],
};
