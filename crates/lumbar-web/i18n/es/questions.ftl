# Traducción al español del catálogo de preguntas (crates/lumbar-core/data/questions.toml).
# Claves: g-<grupo>-title / g-<grupo>-intro; q-<campo> (texto), q-<campo>-help (ayuda),
# q-<campo>-opt-<valor> (opciones). Las preguntas de sí/no usan answer-yes / answer-no.
# Un test comprueba que cada clave corresponde a una pregunta, un grupo o una opción reales,
# y que una pregunta traducida lo está por completo. Pendiente de revisión por un hablante
# nativo con formación sanitaria.

g-warning_signs-title = Primero, unas preguntas urgentes de seguridad
g-warning_signs-intro = Algunas respuestas significan que necesita ayuda médica ahora en lugar de un masaje, por eso las preguntamos primero. Responda sobre lo que es nuevo desde que empezó este dolor de espalda.
g-about_you-title = Sobre usted
g-about_you-intro = Un poco sobre usted, porque algunos consejos dependen de la edad y del embarazo.
g-your_pain-title = Su dolor
g-your_pain-intro = Cuánto le duele, cuánto tiempo lleva con el dolor y hasta dónde llega.
g-health-title = Su salud y sus medicamentos
g-health-intro = Enfermedades y medicamentos que cambian si el masaje es seguro, o cómo debe darse.
g-preferences-title = Lo que le gustaría de un masaje
g-preferences-intro = Opcional. Nos ayuda a sugerir un tipo de masaje; nunca pasa por encima de una precaución de seguridad.

## Señales de alarma

q-saddle_numbness = Desde que empezó este dolor de espalda, ¿ha notado adormecimiento u hormigueo nuevo alrededor de los genitales, el ano, las nalgas o la parte interna de los muslos?
q-saddle_numbness-help = Por ejemplo, no nota el papel higiénico al limpiarse, o nota la zona diferente al sentarse.
q-bladder_or_bowel_change = Desde que empezó este dolor de espalda, ¿ha tenido problemas nuevos para empezar a orinar, un chorro débil, no notar cuándo tiene la vejiga llena, o escapes de orina o de heces?
q-new_sexual_dysfunction = Desde que empezó este dolor de espalda, ¿ha tenido problemas nuevos para conseguir o mantener una erección, o ha perdido sensibilidad en los genitales?
q-leg_weakness = ¿Ha notado debilidad nueva en una pierna, por ejemplo un pie que golpea o se engancha en el suelo, o una rodilla que falla?
q-leg_weakness-opt-none = No
q-leg_weakness-opt-one_leg = Sí, en una pierna
q-leg_weakness-opt-both_legs = Sí, en las dos piernas
q-leg_numbness_or_tingling = Desde que empezó este dolor de espalda, ¿ha notado adormecimiento, hormigueo o ardor nuevo en una pierna que está ahí incluso en reposo?
q-leg_numbness_or_tingling-help = No cuente el adormecimiento que aparece solo al caminar o estar de pie (eso lo preguntamos más adelante), ni el adormecimiento de siempre por diabetes u otro problema de los nervios que ya conoce.
q-leg_numbness_or_tingling-opt-none = No
q-leg_numbness_or_tingling-opt-one_leg = Sí, en una pierna
q-leg_numbness_or_tingling-opt-both_legs = Sí, en las dos piernas
q-pain_spread_left = ¿Hasta dónde baja el dolor por su lado IZQUIERDO?
q-pain_spread_left-opt-back_only = Se queda en la espalda
q-pain_spread_left-opt-buttock = Hasta la nalga
q-pain_spread_left-opt-thigh = Hasta el muslo, por encima de la rodilla
q-pain_spread_left-opt-below_knee = Por debajo de la rodilla (pantorrilla, espinilla o pie)
q-pain_spread_right = ¿Hasta dónde baja el dolor por su lado DERECHO?
q-pain_spread_right-opt-back_only = Se queda en la espalda
q-pain_spread_right-opt-buttock = Hasta la nalga
q-pain_spread_right-opt-thigh = Hasta el muslo, por encima de la rodilla
q-pain_spread_right-opt-below_knee = Por debajo de la rodilla (pantorrilla, espinilla o pie)
q-trauma = ¿Qué provocó este dolor de espalda?
q-trauma-help = Elija «una caída pequeña o un comienzo repentino» si empezó con una caída desde su propia altura, o de repente al levantar algo, toser o estornudar.
q-trauma-opt-none = Apareció poco a poco
q-trauma-opt-minor = Una caída pequeña o un comienzo repentino (al levantar algo, toser o estornudar)
q-trauma-opt-major = Un accidente grave: choque de coche, caída desde altura o golpe fuerte
q-chest_pain_or_breathless = Junto con este dolor de espalda, ¿tiene dolor nuevo en el pecho, o falta de aire nueva o peor que antes?
q-collapse_signs = ¿Ha tenido un dolor repentino e intenso en la barriga o la espalda con mareo, desmayo, sudor o el corazón muy acelerado?
q-fever_or_chills = Desde que empezó este dolor de espalda, ¿ha tenido fiebre, escalofríos o sudores por la noche?
q-cancer = ¿Ha tenido cáncer alguna vez?
q-cancer-help = No cuente el cáncer de piel que no es melanoma (basocelular o escamoso).
q-cancer-opt-never = No
q-cancer-opt-past = Sí, en el pasado
q-cancer-opt-current = Sí, ahora o todavía en tratamiento

## Sobre usted

q-age = ¿Cuántos años tiene?
q-age-help = En años.
q-sex = ¿Cuál es su sexo?
q-sex-help = Lo preguntamos para que las preguntas sobre el embarazo solo se hagan a quien corresponda.
q-sex-opt-female = Mujer
q-sex-opt-male = Hombre
q-sex-opt-other = Otra respuesta
q-sex-opt-not_said = Prefiero no decirlo
q-pregnancy = ¿Está embarazada, o ha dado a luz en las últimas 12 semanas?
q-pregnancy-opt-no = No
q-pregnancy-opt-pregnant = Estoy embarazada
q-pregnancy-opt-postpartum = He dado a luz en las últimas 12 semanas
q-pregnancy_high_risk = ¿Le ha dicho su equipo de maternidad que su embarazo es de alto riesgo (por ejemplo, preeclampsia, sangrado o un problema de la placenta)?
q-labour_signs = ¿El dolor de espalda va y viene en oleadas con tensión en la barriga, o viene con sangrado, pérdida de líquido o presión en la parte baja de la pelvis?

## Su dolor

q-duration_weeks = ¿Cuánto tiempo dura ya este episodio de dolor de espalda?
q-duration_weeks-help = Escriba un número y una unidad, por ejemplo «3 días», «2 semanas» o «6 meses».
q-pain_now = ¿Cuánto le duele ahora mismo?
q-pain_now-help = 0 significa sin dolor y 10 el peor dolor que pueda imaginar.
q-pain_average_week = ¿Qué número describe mejor su dolor de media en la última semana?
q-pain_average_week-help = 0 significa sin dolor y 10 el peor dolor que pueda imaginar.
q-interference_enjoyment = En la última semana, ¿cuánto le ha impedido el dolor disfrutar de la vida?
q-interference_enjoyment-help = 0 significa nada y 10 completamente.
q-interference_activity = En la última semana, ¿cuánto le ha impedido el dolor hacer sus actividades en general?
q-interference_activity-help = 0 significa nada y 10 completamente.
q-pain_trend = En los últimos días, el dolor…
q-pain_trend-opt-improving = Está mejorando
q-pain_trend-opt-same = Está más o menos igual
q-pain_trend-opt-worsening = Está empeorando
q-pain_new_or_changed = ¿Es este dolor de espalda nuevo en los últimos 3 meses, o diferente del dolor de espalda que suele tener?
q-leg_pain_worse_than_back = ¿Le duele más la pierna que la espalda?
q-pain_worse_with_cough_or_sneeze = ¿El dolor de espalda o de pierna da un latigazo o empeora mucho al toser, estornudar o hacer fuerza?
q-night_pain = ¿Qué se parece más a su dolor por la noche?
q-night_pain-opt-none = No me molesta por la noche
q-night_pain-opt-eases_with_position = Me despierta al darme la vuelta y luego se calma
q-night_pain-opt-wakes_late_eases_on_moving = Me despierta en la segunda mitad de la noche y mejora cuando me levanto y me muevo
q-night_pain-opt-constant = Está ahí por la noche o en reposo, haga lo que haga
q-morning_stiffness_over_30_min = ¿Tiene la espalda rígida más de 30 minutos después de levantarse por la mañana?
q-stiffness_eases_with_exercise = ¿Mejora su espalda cuando se mueve o hace ejercicio, pero no cuando descansa?
q-leg_pain_on_walking = ¿Le duelen, le pesan o se le duermen las piernas cuando camina o está de pie un rato?
q-leg_pain_on_walking-opt-none = No
q-leg_pain_on_walking-opt-eased_by_sitting_or_bending = Sí, y mejora cuando me siento o me inclino hacia delante
q-leg_pain_on_walking-opt-eased_by_standing_still = Sí, y mejora con solo quedarme quieto de pie
q-upper_back_pain = ¿El dolor está sobre todo entre los omóplatos y no en la parte baja de la espalda?
q-back_lump_or_shape_change = ¿Ha notado un bulto o una hinchazón en la espalda, o un cambio en su forma?

## Otros síntomas

q-unexplained_weight_loss = ¿Ha perdido peso últimamente sin intentarlo?
q-abdominal_pulsation = ¿Nota un latido o una pulsación en la barriga?
q-known_aortic_aneurysm = ¿Le han dicho que tiene un aneurisma de aorta (una dilatación del vaso sanguíneo principal), aunque sea uno que solo están vigilando?
q-flank_pain_or_blood_in_urine = ¿Tiene dolor en el costado (debajo de las costillas, por detrás), o ha visto sangre en la orina?
q-new_urinary_burning_or_frequency = Desde que empezó este dolor de espalda, ¿le escuece al orinar, o necesita orinar mucho más a menudo?

## Salud y medicamentos

q-osteoporosis = ¿Tiene osteoporosis u osteopenia (huesos débiles), o toma un medicamento para fortalecer los huesos?
q-long_term_steroids = ¿Ha tomado corticoides en pastillas (como prednisona o prednisolona) la mayoría de los días durante 3 meses o más?
q-immunosuppressed = ¿Tiene las defensas bajas, por ejemplo por un trasplante, quimioterapia, medicamentos biológicos o VIH con defensas bajas?
q-injection_drug_use = ¿Se ha inyectado alguna vez drogas que no le habían recetado?
q-injection_drug_use-help = Su respuesta es privada. Lo preguntamos porque cambia el riesgo de una infección en la columna.
q-injection_drug_use-opt-never = No
q-injection_drug_use-opt-within_year = Sí, en los últimos 12 meses
q-injection_drug_use-opt-over_year_ago = Sí, hace más de un año
q-spine_procedure = ¿Le han operado de la columna o le han puesto una inyección en la columna?
q-spine_procedure-opt-none = No
q-spine_procedure-opt-within_12_weeks = Sí, en las últimas 12 semanas
q-spine_procedure-opt-earlier = Sí, hace más de 12 semanas
q-major_surgery_within_6_weeks = ¿Le han hecho alguna otra operación con anestesia general o raquídea en las últimas 6 semanas?
q-recent_immobilisation = En las últimas 4 semanas, ¿ha tenido una pierna escayolada o con bota, ha pasado 3 días o más casi todo el tiempo en la cama, o ha hecho un solo viaje de más de 4 horas?
q-recent_fracture_or_injury = ¿Se ha roto un hueso o ha tenido una lesión importante en otra parte del cuerpo en las últimas 12 semanas que todavía no se ha curado?
q-blood_clot = Coágulos de sangre: ¿qué es cierto en su caso?
q-blood_clot-help = Si le están tratando un coágulo y la pantorrilla se le vuelve a hinchar, elija la última opción.
q-blood_clot-opt-none = Nunca he tenido un coágulo
q-blood_clot-opt-past = Tuve un coágulo en el pasado; el tratamiento ya terminó
q-blood_clot-opt-on_treatment = Tengo un coágulo que todavía están tratando
q-blood_clot-opt-suspected = Tengo ahora una pantorrilla o una pierna hinchada, caliente, roja o dolorida
q-blood_thinner = ¿Toma algún medicamento que hace la sangre más líquida?
q-blood_thinner-opt-none = No
q-blood_thinner-opt-aspirin_low_dose = Solo aspirina a dosis baja
q-blood_thinner-opt-antiplatelet = Clopidogrel, prasugrel o ticagrelor
q-blood_thinner-opt-anticoagulant = Warfarina, apixabán, rivaroxabán, edoxabán, dabigatrán o inyecciones de heparina
q-blood_thinner_problem = Con ese medicamento, ¿ha tenido un INR o una dosis inestable, sangrado reciente o moratones poco habituales?
q-bleeding_disorder = ¿Tiene un trastorno de la coagulación, como hemofilia, enfermedad de von Willebrand o plaquetas bajas?
q-skin_problem_at_site = ¿Tiene una herida, quemadura, sarpullido, infección, tatuaje reciente o piel inflamada donde se daría el masaje?
q-heart_condition_uncontrolled = ¿Tiene la tensión alta sin controlar, un infarto reciente, angina inestable o insuficiencia cardíaca que no está controlada?
q-diabetes_neuropathy = ¿Tiene diabetes con los pies o las piernas adormecidos?
q-kidney_disease = ¿Tiene una enfermedad renal crónica o necesita diálisis?
q-varicose_veins = ¿Tiene varices marcadas?
q-implanted_device = ¿Lleva un estimulador de la médula espinal, una bomba de medicación para el dolor o un dispositivo implantado parecido?

## Preferencias

q-preferences-style = ¿Qué tipo de masaje le gustaría?
q-preferences-style-opt-deep_tissue = Tejido profundo
q-preferences-style-opt-swedish = Sueco (relajante)
q-preferences-style-opt-no_preference = Sin preferencia
q-preferences-pressure = ¿Qué presión le gustaría?
q-preferences-pressure-opt-light = Suave
q-preferences-pressure-opt-medium = Media
q-preferences-pressure-opt-firm = Firme
q-preferences-pressure-opt-no_preference = Sin preferencia
q-preferences-goal = ¿Qué le gustaría sobre todo que el masaje hiciera por usted?
q-preferences-goal-opt-ease_tension = Aliviar músculos tensos y contracturados
q-preferences-goal-opt-relax = Ayudarme a relajarme
q-preferences-goal-opt-move_better = Ayudarme a moverme mejor
q-preferences-goal-opt-no_preference = Sin preferencia
