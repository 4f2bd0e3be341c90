import { isoDate } from '../calendar.js';
import { Random, streams } from '../random.js';
import type { Archetype } from '../world/archetypes.js';
import { learningPaths, requiredCourses, type Course } from '../world/catalog.js';
import type { PartnerContext } from './context.js';
import { completionRate, type Person } from './people.js';

const learningPathChance: Readonly<Record<Archetype, number>> = {
  star: 0.8, rising: 0.5, steady: 0.35, at_risk: 0.6, dormant: 0.2, new: 0.3,
};
const pathNames = Object.keys(learningPaths);

interface Attempt {
  readonly assigned: number;
  readonly completed: number | null;
}

function attempt(context: PartnerContext, assigned: number, rate: number, force: boolean, random: Random): Attempt {
  const completed = assigned + random.int(5, 60);
  const done = context.onboarding.trainingAllowed && (force || random.chance(rate));
  const inTime = completed <= context.settings.endDay && completed < context.silenceStartDay;
  return { assigned, completed: done && inTime ? completed : null };
}

function emitCourse(context: PartnerContext, person: Person, course: Course, result: Attempt): void {
  context.emit('training', {
    partner_id: context.profile.id,
    person_id: person.id,
    course_id: course.id,
    learning_path: course.learningPath,
    required: course.required,
    assigned_at: isoDate(result.assigned),
    completed_at: result.completed === null ? null : isoDate(result.completed),
  });
}

/** Required courses for everyone, a learning path for some; returns the earliest completion day. */
function emitPerson(context: PartnerContext, person: Person, random: Random): number | null {
  const rate = completionRate[context.profile.archetype];
  const forceAll = context.profile.archetype === 'star';
  let first: number | null = null;
  const note = (result: Attempt) => {
    if (result.completed !== null && (first === null || result.completed < first)) first = result.completed;
  };
  for (const course of requiredCourses) {
    const assigned = Math.min(person.joined + random.int(0, 10), context.settings.endDay);
    const force = forceAll || (person.index === 0 && course.id === 'PARTNER-101');
    const result = attempt(context, assigned, rate, force, random);
    emitCourse(context, person, course, result);
    note(result);
  }
  if (!random.chance(learningPathChance[context.profile.archetype])) return first;
  let previous = person.joined + random.int(10, 40);
  for (const course of learningPaths[random.pick(pathNames)] ?? []) {
    if (previous > context.settings.endDay) break;
    const result = attempt(context, previous, rate * 0.85, false, random);
    emitCourse(context, person, course, result);
    note(result);
    if (result.completed === null) break;
    previous = result.completed;
  }
  return first;
}

/** Course assignments and completions; returns the day the first course was completed, if any. */
export function emitTraining(context: PartnerContext, people: readonly Person[]): number | null {
  const random = new Random(context.settings.seed, streams.training, context.profile.index, 1);
  let first: number | null = null;
  for (const person of people) {
    const completed = emitPerson(context, person, random);
    if (completed !== null && (first === null || completed < first)) first = completed;
  }
  return first;
}
