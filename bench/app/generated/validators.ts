// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:6211fa06038e5345
// @ts-nocheck: the validator bodies are ajv's standalone code, untyped JavaScript that no strict
// tsconfig accepts as TypeScript. Each export is declared `ValidateFunction`, which is what importers
// and declaration emit see; ajv's own tests vouch for the code itself.
import type { ValidateFunction } from "celerity";

export const args_bench$collect: ValidateFunction = validate10;
const schema11 = {"type":"object","required":["values"],"additionalProperties":false,"properties":{"values":{"type":"array","items":{"type":"object","required":["at"],"properties":{"at":{"type":"number"}}}}}};
const func0 = Object.prototype.hasOwnProperty;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.values === undefined) || (!(func0.call(data, "values")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "values"},message:"must have required property '"+"values"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!(key0 === "values")){
        const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if(data.values !== undefined && func0.call(data, "values")){
      let data0 = data.values;
      const _errs2 = errors;
      const _errs3 = errors;
      if(Array.isArray(data0)){
        let valid2 = true;
        const len0 = data0.length;
        for(let i0=0; i0<len0; i0++){
          let data1 = data0[i0];
          const _errs4 = errors;
          const _errs5 = errors;
          if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
            if((data1.at === undefined) || (!(func0.call(data1, "at")))){
              const err2 = {instancePath:instancePath+"/values/" + i0,schemaPath:"#/properties/values/items/required",keyword:"required",params:{missingProperty: "at"},message:"must have required property '"+"at"+"'"};
              if(vErrors === null){
                vErrors = [err2];
              }
              else {
                vErrors.push(err2);
              }
              errors++;
            }
            if(data1.at !== undefined && func0.call(data1, "at")){
              let data2 = data1.at;
              const _errs6 = errors;
              if(!((typeof data2 == "number") && (isFinite(data2)))){
                const err3 = {instancePath:instancePath+"/values/" + i0+"/at",schemaPath:"#/properties/values/items/properties/at/type",keyword:"type",params:{type: "number"},message:"must be number"};
                if(vErrors === null){
                  vErrors = [err3];
                }
                else {
                  vErrors.push(err3);
                }
                errors++;
              }
              const _errs7 = errors;
              var valid3 = _errs6 === errors;
            }
          }
          else {
            const err4 = {instancePath:instancePath+"/values/" + i0,schemaPath:"#/properties/values/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
            if(vErrors === null){
              vErrors = [err4];
            }
            else {
              vErrors.push(err4);
            }
            errors++;
          }
          var valid1 = _errs4 === errors;
          if(!valid1){
            valid2 = false;
          }
        }
      }
      else {
        const err5 = {instancePath:instancePath+"/values",schemaPath:"#/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
        if(vErrors === null){
          vErrors = [err5];
        }
        else {
          vErrors.push(err5);
        }
        errors++;
      }
      var valid0 = _errs2 === errors;
    }
  }
  else {
    const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err6];
    }
    else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

export const result_bench$collect: ValidateFunction = validate11;
const schema12 = {"type":"object","required":["startedAt","lastHeaderAt"],"properties":{"startedAt":{"type":"number"},"lastHeaderAt":{"type":"number"}}};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.startedAt === undefined) || (!(func0.call(data, "startedAt")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "startedAt"},message:"must have required property '"+"startedAt"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    if((data.lastHeaderAt === undefined) || (!(func0.call(data, "lastHeaderAt")))){
      const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "lastHeaderAt"},message:"must have required property '"+"lastHeaderAt"+"'"};
      if(vErrors === null){
        vErrors = [err1];
      }
      else {
        vErrors.push(err1);
      }
      errors++;
    }
    if(data.startedAt !== undefined && func0.call(data, "startedAt")){
      let data0 = data.startedAt;
      const _errs1 = errors;
      if(!((typeof data0 == "number") && (isFinite(data0)))){
        const err2 = {instancePath:instancePath+"/startedAt",schemaPath:"#/properties/startedAt/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs2 = errors;
      var valid0 = _errs1 === errors;
    }
    if(data.lastHeaderAt !== undefined && func0.call(data, "lastHeaderAt")){
      let data1 = data.lastHeaderAt;
      const _errs3 = errors;
      if(!((typeof data1 == "number") && (isFinite(data1)))){
        const err3 = {instancePath:instancePath+"/lastHeaderAt",schemaPath:"#/properties/lastHeaderAt/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err3];
        }
        else {
          vErrors.push(err3);
        }
        errors++;
      }
      const _errs4 = errors;
      var valid0 = _errs3 === errors;
    }
  }
  else {
    const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err4];
    }
    else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}

export const args_bench$latency: ValidateFunction = validate12;
const schema13 = {"type":"object","required":["t"],"additionalProperties":false,"properties":{"t":{"type":"number","description":"Epoch ms (fractional) taken just before the enqueue call."}}};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.t === undefined) || (!(func0.call(data, "t")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "t"},message:"must have required property '"+"t"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!(key0 === "t")){
        const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if(data.t !== undefined && func0.call(data, "t")){
      let data0 = data.t;
      const _errs2 = errors;
      if(!((typeof data0 == "number") && (isFinite(data0)))){
        const err2 = {instancePath:instancePath+"/t",schemaPath:"#/properties/t/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs3 = errors;
      var valid0 = _errs2 === errors;
    }
  }
  else {
    const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err3];
    }
    else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}

export const result_bench$latency: ValidateFunction = validate13;
const schema14 = {"type":"null"};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  if(data !== null){
    const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "null"},message:"must be null"};
    if(vErrors === null){
      vErrors = [err0];
    }
    else {
      vErrors.push(err0);
    }
    errors++;
  }
  const _errs0 = errors;
  validate13.errors = vErrors;
  return errors === 0;
}

export const args_bench$noop: ValidateFunction = validate14;
const schema15 = {"type":"object","additionalProperties":false,"properties":{"i":{"type":"integer","minimum":0},"t":{"type":"number"}}};

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!((key0 === "i") || (key0 === "t"))){
        const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err0];
        }
        else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if(data.i !== undefined && func0.call(data, "i")){
      let data0 = data.i;
      const _errs2 = errors;
      if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
        const err1 = {instancePath:instancePath+"/i",schemaPath:"#/properties/i/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
      const _errs3 = errors;
      if((typeof data0 == "number") && (isFinite(data0))){
        if(data0 < 0 || isNaN(data0)){
          const err2 = {instancePath:instancePath+"/i",schemaPath:"#/properties/i/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
          if(vErrors === null){
            vErrors = [err2];
          }
          else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
      var valid0 = _errs2 === errors;
    }
    if(data.t !== undefined && func0.call(data, "t")){
      let data1 = data.t;
      const _errs4 = errors;
      if(!((typeof data1 == "number") && (isFinite(data1)))){
        const err3 = {instancePath:instancePath+"/t",schemaPath:"#/properties/t/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err3];
        }
        else {
          vErrors.push(err3);
        }
        errors++;
      }
      const _errs5 = errors;
      var valid0 = _errs4 === errors;
    }
  }
  else {
    const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err4];
    }
    else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate14.errors = vErrors;
  return errors === 0;
}

export const result_bench$noop: ValidateFunction = validate15;
const schema16 = {"type":"null"};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  if(data !== null){
    const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "null"},message:"must be null"};
    if(vErrors === null){
      vErrors = [err0];
    }
    else {
      vErrors.push(err0);
    }
    errors++;
  }
  const _errs0 = errors;
  validate15.errors = vErrors;
  return errors === 0;
}

export const args_bench$quiet: ValidateFunction = validate16;
const schema17 = {"type":"object","required":["n"],"additionalProperties":false,"properties":{"n":{"type":"integer","minimum":0},"at":{"type":"number"}}};

function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.n === undefined) || (!(func0.call(data, "n")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "n"},message:"must have required property '"+"n"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!((key0 === "n") || (key0 === "at"))){
        const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if(data.n !== undefined && func0.call(data, "n")){
      let data0 = data.n;
      const _errs2 = errors;
      if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
        const err2 = {instancePath:instancePath+"/n",schemaPath:"#/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs3 = errors;
      if((typeof data0 == "number") && (isFinite(data0))){
        if(data0 < 0 || isNaN(data0)){
          const err3 = {instancePath:instancePath+"/n",schemaPath:"#/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
          if(vErrors === null){
            vErrors = [err3];
          }
          else {
            vErrors.push(err3);
          }
          errors++;
        }
      }
      var valid0 = _errs2 === errors;
    }
    if(data.at !== undefined && func0.call(data, "at")){
      let data1 = data.at;
      const _errs4 = errors;
      if(!((typeof data1 == "number") && (isFinite(data1)))){
        const err4 = {instancePath:instancePath+"/at",schemaPath:"#/properties/at/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err4];
        }
        else {
          vErrors.push(err4);
        }
        errors++;
      }
      const _errs5 = errors;
      var valid0 = _errs4 === errors;
    }
  }
  else {
    const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err5];
    }
    else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate16.errors = vErrors;
  return errors === 0;
}

export const result_bench$quiet: ValidateFunction = validate17;
const schema18 = {"type":"object","required":["n","at"],"additionalProperties":false,"properties":{"n":{"type":"integer"},"at":{"type":"number"}}};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.n === undefined) || (!(func0.call(data, "n")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "n"},message:"must have required property '"+"n"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    if((data.at === undefined) || (!(func0.call(data, "at")))){
      const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "at"},message:"must have required property '"+"at"+"'"};
      if(vErrors === null){
        vErrors = [err1];
      }
      else {
        vErrors.push(err1);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!((key0 === "n") || (key0 === "at"))){
        const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if(data.n !== undefined && func0.call(data, "n")){
      let data0 = data.n;
      const _errs2 = errors;
      if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
        const err3 = {instancePath:instancePath+"/n",schemaPath:"#/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
        if(vErrors === null){
          vErrors = [err3];
        }
        else {
          vErrors.push(err3);
        }
        errors++;
      }
      const _errs3 = errors;
      var valid0 = _errs2 === errors;
    }
    if(data.at !== undefined && func0.call(data, "at")){
      let data1 = data.at;
      const _errs4 = errors;
      if(!((typeof data1 == "number") && (isFinite(data1)))){
        const err4 = {instancePath:instancePath+"/at",schemaPath:"#/properties/at/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err4];
        }
        else {
          vErrors.push(err4);
        }
        errors++;
      }
      const _errs5 = errors;
      var valid0 = _errs4 === errors;
    }
  }
  else {
    const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err5];
    }
    else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate17.errors = vErrors;
  return errors === 0;
}

export const args_bench$step: ValidateFunction = validate18;
const schema19 = {"type":"object","required":["n"],"additionalProperties":false,"properties":{"n":{"type":"integer","minimum":0},"at":{"type":"number"}}};

function validate18(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.n === undefined) || (!(func0.call(data, "n")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "n"},message:"must have required property '"+"n"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!((key0 === "n") || (key0 === "at"))){
        const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if(data.n !== undefined && func0.call(data, "n")){
      let data0 = data.n;
      const _errs2 = errors;
      if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
        const err2 = {instancePath:instancePath+"/n",schemaPath:"#/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs3 = errors;
      if((typeof data0 == "number") && (isFinite(data0))){
        if(data0 < 0 || isNaN(data0)){
          const err3 = {instancePath:instancePath+"/n",schemaPath:"#/properties/n/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
          if(vErrors === null){
            vErrors = [err3];
          }
          else {
            vErrors.push(err3);
          }
          errors++;
        }
      }
      var valid0 = _errs2 === errors;
    }
    if(data.at !== undefined && func0.call(data, "at")){
      let data1 = data.at;
      const _errs4 = errors;
      if(!((typeof data1 == "number") && (isFinite(data1)))){
        const err4 = {instancePath:instancePath+"/at",schemaPath:"#/properties/at/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err4];
        }
        else {
          vErrors.push(err4);
        }
        errors++;
      }
      const _errs5 = errors;
      var valid0 = _errs4 === errors;
    }
  }
  else {
    const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err5];
    }
    else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate18.errors = vErrors;
  return errors === 0;
}

export const result_bench$step: ValidateFunction = validate19;
const schema20 = {"type":"object","required":["n","at"],"additionalProperties":false,"properties":{"n":{"type":"integer"},"at":{"type":"number","description":"Epoch ms (fractional) when the handler finished."}}};

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.n === undefined) || (!(func0.call(data, "n")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "n"},message:"must have required property '"+"n"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    if((data.at === undefined) || (!(func0.call(data, "at")))){
      const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "at"},message:"must have required property '"+"at"+"'"};
      if(vErrors === null){
        vErrors = [err1];
      }
      else {
        vErrors.push(err1);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!((key0 === "n") || (key0 === "at"))){
        const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if(data.n !== undefined && func0.call(data, "n")){
      let data0 = data.n;
      const _errs2 = errors;
      if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
        const err3 = {instancePath:instancePath+"/n",schemaPath:"#/properties/n/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
        if(vErrors === null){
          vErrors = [err3];
        }
        else {
          vErrors.push(err3);
        }
        errors++;
      }
      const _errs3 = errors;
      var valid0 = _errs2 === errors;
    }
    if(data.at !== undefined && func0.call(data, "at")){
      let data1 = data.at;
      const _errs4 = errors;
      if(!((typeof data1 == "number") && (isFinite(data1)))){
        const err4 = {instancePath:instancePath+"/at",schemaPath:"#/properties/at/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err4];
        }
        else {
          vErrors.push(err4);
        }
        errors++;
      }
      const _errs5 = errors;
      var valid0 = _errs4 === errors;
    }
  }
  else {
    const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err5];
    }
    else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate19.errors = vErrors;
  return errors === 0;
}
