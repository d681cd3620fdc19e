// Controls drawn from the schema's fields (schema-adapter.ts): a number box (with a slider
// where the range is short), a switch, a choice of places by group or on the map. Each control
// is labelled, described (meaning, range, unit, default) and reachable by keyboard.
import type { PlaceSpec } from '@smart-settlement/core';
import { h, readableNumber } from './dom.js';
import { placePicker } from './place-picker.js';
import type {
  AssumptionField,
  ChoiceField,
  CountOrPlacesField,
  Field,
  MultiChoiceField,
  NumberField,
  PlacesField,
} from './schema-adapter.js';

/** How a control reads and writes its value, and what the form knows about the edited scenario. */
export interface FieldContext {
  /** The value now (in the edited scenario). */
  get(path: readonly string[]): unknown;
  /** The value in the scenario as it came (reset returns to it). */
  original(path: readonly string[]): unknown;
  set(path: readonly string[], value: unknown): void;
  /** How validation names this field (`policies[0].termYears`), to show its problems beside it. */
  problemPath(path: readonly string[]): string;
  places: readonly PlaceSpec[];
}

/** Readable names of the place groups a selector offers. */
const GROUP_LABELS: Record<string, string> = {
  all: 'All places',
  smaller: 'Smaller places (every place that is not a metro)',
  'mid-size': 'Mid-size cities',
  small: 'Small centres',
  metro: 'Metros',
  pilots: "The engagement pilots (the hybrid's default)",
};

/** A stable id for a field's control (from its path), so focus survives the form being redrawn. */
function fieldId(field: Field, ctx: FieldContext): string {
  return `f-${ctx.problemPath(field.path).replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${readableNumber(min)} to ${readableNumber(max)}`;
  if (min !== undefined) return `at least ${readableNumber(min)}`;
  if (max !== undefined) return `at most ${readableNumber(max)}`;
  return 'any number';
}

/** The wrapper every control sits in: label, help, the control, and a slot for its problem. */
function shell(
  field: Field,
  ctx: FieldContext,
  id: string,
  help: string,
  control: HTMLElement,
  legend = false,
) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const changed = JSON.stringify(ctx.get(field.path)) !== JSON.stringify(ctx.original(field.path));
  const reset = h(
    'button',
    { type: 'button', class: 'link reset-one', title: `Back to ${readableNumber(ctx.original(field.path))}` },
    'Undo',
  );
  reset.addEventListener('click', () => ctx.set(field.path, ctx.original(field.path)));
  const label = legend
    ? h('legend', {}, field.label, changed && h('span', { class: 'badge' }, 'changed'))
    : h('label', { for: id }, field.label, changed && h('span', { class: 'badge' }, 'changed'));
  const wrapper = h(
    legend ? 'fieldset' : 'div',
    { class: `field${changed ? ' changed' : ''}`, 'data-problem-path': ctx.problemPath(field.path) },
    label,
    h('p', { class: 'help', id: helpId }, help),
    control,
    changed ? reset : undefined,
    h('p', { class: 'error', id: errorId, role: 'alert', hidden: true }),
  );
  return wrapper;
}

function describe(field: Field, extra: string[]): string {
  const parts = [field.description, ...extra].filter((s) => s && s.length > 0);
  return parts.join(' · ');
}

function numberControl(field: NumberField | AssumptionField, ctx: FieldContext): HTMLElement {
  const id = fieldId(field, ctx);
  const value = ctx.get(field.path);
  const documented = 'range' in field ? field.range : undefined;
  const [lo, hi] = documented ?? [field.min, field.max];
  const short = lo !== undefined && hi !== undefined && (documented !== undefined || hi - lo <= 100);
  const step = field.integer ? 1 : 'any';
  const input = h('input', {
    type: 'number',
    id,
    min: field.min,
    max: field.max,
    step,
    value: typeof value === 'number' ? value : '',
    inputmode: field.integer ? 'numeric' : 'decimal',
    'aria-describedby': `${id}-help ${id}-error`,
  });
  const commit = (raw: string) => ctx.set(field.path, raw.trim() === '' ? undefined : Number(raw));
  input.addEventListener('change', () => commit(input.value));
  const row = h('div', { class: 'number-row' });
  if (short) {
    const slider = h('input', {
      type: 'range',
      min: lo,
      max: hi,
      step: field.integer ? 1 : (hi! - lo!) / 100,
      value: typeof value === 'number' ? value : lo,
      'aria-label': `${field.label} (slider)`,
      'aria-describedby': `${id}-help`,
    });
    slider.addEventListener('input', () => {
      input.value = slider.value;
    });
    slider.addEventListener('change', () => commit(slider.value));
    row.append(slider);
  }
  row.append(input);
  if (field.unit) row.append(h('span', { class: 'unit' }, field.unit));
  const extra = [
    documented
      ? `documented range ${rangeText(documented[0], documented[1])} (accepted ${rangeText(field.min, field.max)})`
      : `${rangeText(field.min, field.max)}${field.unit && !field.unit.includes(' to ') ? ` ${field.unit}` : ''}`,
    field.defaultValue !== undefined ? `default ${readableNumber(field.defaultValue)}` : '',
    'source' in field ? `source: ${field.source}` : '',
  ];
  return shell(field, ctx, id, describe(field, extra), row);
}

function booleanControl(field: Field, ctx: FieldContext): HTMLElement {
  const id = fieldId(field, ctx);
  const box = h('input', {
    type: 'checkbox',
    id,
    role: 'switch',
    checked: ctx.get(field.path) === true,
    'aria-describedby': `${id}-help`,
  });
  box.addEventListener('change', () => ctx.set(field.path, box.checked));
  const extra = [field.defaultValue !== undefined ? `default ${field.defaultValue ? 'on' : 'off'}` : ''];
  return shell(
    field,
    ctx,
    id,
    describe(field, extra),
    h('div', { class: 'switch-row' }, box, h('label', { for: id, class: 'switch-label' }, 'On')),
  );
}

/** Radio buttons for the ways of choosing, and the place picker when places are chosen by name. */
function choiceControl(field: PlacesField | CountOrPlacesField, ctx: FieldContext): HTMLElement {
  const id = fieldId(field, ctx);
  const value = ctx.get(field.path);
  const name = `${id}-choice`;
  const options = h('div', { class: 'choices' });
  const byName = Array.isArray(value);
  const names = byName ? (value as string[]) : [];
  const radio = (
    val: string,
    text: string | Node,
    checked: boolean,
    onPick: () => void,
    extra?: HTMLElement,
  ) => {
    const rid = `${id}-${val}`;
    const input = h('input', { type: 'radio', name, id: rid, value: val, checked });
    input.addEventListener('change', () => input.checked && onPick());
    options.append(h('div', { class: 'choice' }, input, h('label', { for: rid }, text), extra));
  };
  if (field.kind === 'places') {
    for (const group of field.groups)
      radio(group, GROUP_LABELS[group] ?? group, value === group, () => ctx.set(field.path, group));
  } else {
    const countId = `${id}-count-value`;
    const count = h('input', {
      type: 'number',
      id: countId,
      min: field.min,
      max: field.max,
      step: 1,
      value: typeof value === 'number' ? value : ((field.defaultValue as number) ?? 5),
      'aria-label': `${field.label}: how many places`,
    });
    count.addEventListener('change', () => ctx.set(field.path, Number(count.value)));
    radio(
      'count',
      'The most ready places, this many:',
      typeof value === 'number',
      () => ctx.set(field.path, Number(count.value)),
      count,
    );
  }
  const defaultNames =
    field.kind === 'places'
      ? ctx.places
          .filter((p) => p.smaller)
          .slice(0, 3)
          .map((p) => p.name)
      : [];
  radio('names', 'Chosen places (on the map or in the list)', byName, () =>
    ctx.set(
      field.path,
      names.length ? names : defaultNames.length ? defaultNames : [ctx.places.find((p) => p.smaller)!.name],
    ),
  );
  const body = h('div', { id }, options);
  if (byName)
    body.append(
      placePicker(ctx.places, names, field.label, `${id}-place`, (next) => {
        if (next.length) ctx.set(field.path, next);
      }),
    );
  const shown =
    field.defaultValue === undefined
      ? ''
      : `default ${Array.isArray(field.defaultValue) ? field.defaultValue.join(', ') : GROUP_LABELS[String(field.defaultValue)] ? `${field.defaultValue}` : readableNumber(field.defaultValue)}`;
  return shell(field, ctx, id, describe(field, [shown]), body, true);
}

/** Radio buttons for one of a list of words. */
function oneOfControl(field: ChoiceField, ctx: FieldContext): HTMLElement {
  const id = fieldId(field, ctx);
  const value = ctx.get(field.path);
  const options = h('div', { class: 'choices', id });
  for (const option of field.options) {
    const rid = `${id}-${option}`;
    const input = h('input', {
      type: 'radio',
      name: `${id}-choice`,
      id: rid,
      value: option,
      checked: value === option,
    });
    input.addEventListener('change', () => input.checked && ctx.set(field.path, option));
    options.append(h('div', { class: 'choice' }, input, h('label', { for: rid }, option)));
  }
  const extra = [field.defaultValue !== undefined ? `default ${String(field.defaultValue)}` : ''];
  return shell(field, ctx, id, describe(field, extra), options, true);
}

/** Checkboxes for some of a list of words; absent (the schema's meaning, e.g. every class) shows all ticked. */
function someOfControl(field: MultiChoiceField, ctx: FieldContext): HTMLElement {
  const id = fieldId(field, ctx);
  const value = ctx.get(field.path);
  const chosen = new Set(Array.isArray(value) ? (value as string[]) : field.options);
  const options = h('div', { class: 'choices', id });
  for (const option of field.options) {
    const cid = `${id}-${option}`;
    const input = h('input', { type: 'checkbox', id: cid, checked: chosen.has(option) });
    input.addEventListener('change', () => {
      if (input.checked) chosen.add(option);
      else chosen.delete(option);
      const list = field.options.filter((o) => chosen.has(o));
      // Every option ticked is the same as leaving the lever out when it has no default.
      ctx.set(
        field.path,
        field.defaultValue === undefined && list.length === field.options.length ? undefined : list,
      );
    });
    options.append(h('div', { class: 'choice' }, input, h('label', { for: cid }, option)));
  }
  const extra = [Array.isArray(field.defaultValue) ? `default ${field.defaultValue.join(', ')}` : ''];
  return shell(field, ctx, id, describe(field, extra), options, true);
}

/** The control of one field (a fieldset of controls for a group of levers). */
export function fieldControl(field: Field, ctx: FieldContext): HTMLElement {
  switch (field.kind) {
    case 'number':
      return numberControl(field, ctx);
    case 'boolean':
      return booleanControl(field, ctx);
    case 'places':
    case 'count-or-places':
      return choiceControl(field, ctx);
    case 'choice':
      return oneOfControl(field, ctx);
    case 'multi-choice':
      return someOfControl(field, ctx);
    case 'group':
      return h(
        'fieldset',
        { class: 'group' },
        h('legend', {}, field.label),
        ...field.fields.map((f) => fieldControl(f, ctx)),
      );
  }
}
